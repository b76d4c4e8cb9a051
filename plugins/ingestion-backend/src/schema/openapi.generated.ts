// Generated from openapi.yaml by scripts/openapi/generate-router.mjs. Do not edit; run `yarn openapi:generate`.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "ingestion",
    "version": "1",
    "description": "The managed Spark ingestion service: the Spark Unit registry, tenant capacity, ingestion jobs and their runs. Every endpoint except /health needs a Backstage user token; results are scoped to the caller's tenants. Other systems call the operations marked x-ingestion-scope with an OAuth 2.0 client-credentials access token of the configured authorization server; a platform admin registers each client for one tenant and scopes.",
    "license": {
      "name": "UNLICENSED"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {
      "BearerAuth": []
    }
  ],
  "components": {
    "securitySchemes": {
      "BearerAuth": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "ApiClient": {
        "type": "object",
        "additionalProperties": false,
        "description": "Another system's OAuth 2.0 client, as a platform admin registered it: the tenant it acts for and the scopes it holds. Its credentials live in the authorization server.",
        "required": [
          "clientId",
          "tenant",
          "scopes",
          "description",
          "registeredBy",
          "registeredAt"
        ],
        "properties": {
          "clientId": {
            "type": "string",
            "description": "The client_id its access tokens carry."
          },
          "tenant": {
            "type": "string",
            "description": "Group entity ref of the one tenant it acts for."
          },
          "scopes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ApiClientScope"
            }
          },
          "description": {
            "type": "string"
          },
          "registeredBy": {
            "type": "string"
          },
          "registeredAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "ApiClientScope": {
        "type": "string",
        "enum": [
          "ingestion.read",
          "ingestion.write"
        ],
        "description": "What an API client may do; each operation open to clients names one in x-ingestion-scope."
      },
      "RunMetricsSummary": {
        "type": "object",
        "additionalProperties": false,
        "description": "What the runs that finished in [from, to) add up to. Core-hours allocated are the runs' cores times how long they ran; core-hours used are the CPU time the runs reported; vCPU-hours consumed are what the meter debited.",
        "required": [
          "from",
          "to",
          "runs",
          "sla",
          "coreHoursAllocated",
          "coreHoursUsed",
          "vcpuHoursConsumed"
        ],
        "properties": {
          "from": {
            "type": "string",
            "format": "date-time"
          },
          "to": {
            "type": "string",
            "format": "date-time"
          },
          "runs": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "total",
              "succeeded",
              "failed",
              "timedOut",
              "cancelled"
            ],
            "properties": {
              "total": {
                "type": "integer"
              },
              "succeeded": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              },
              "timedOut": {
                "type": "integer"
              },
              "cancelled": {
                "type": "integer"
              }
            }
          },
          "durationMinutes": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "mean",
              "max"
            ],
            "properties": {
              "mean": {
                "type": "number"
              },
              "max": {
                "type": "number"
              }
            }
          },
          "sla": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "measured",
              "met"
            ],
            "properties": {
              "measured": {
                "type": "integer"
              },
              "met": {
                "type": "integer"
              },
              "compliance": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              }
            }
          },
          "coreHoursAllocated": {
            "type": "number"
          },
          "coreHoursUsed": {
            "type": "number"
          },
          "vcpuHoursConsumed": {
            "type": "number"
          }
        }
      },
      "Caller": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "principal",
          "tenants",
          "platformAdmin"
        ],
        "properties": {
          "principal": {
            "type": "string"
          },
          "tenants": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "platformAdmin": {
            "type": "boolean"
          }
        }
      },
      "NamespaceTier": {
        "type": "string",
        "enum": [
          "dedicated",
          "vcore-hours",
          "draft"
        ]
      },
      "SparkUnitSize": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cores",
          "memoryGiB"
        ],
        "properties": {
          "cores": {
            "type": "number"
          },
          "memoryGiB": {
            "type": "number"
          }
        }
      },
      "NamespaceAllocation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tier",
          "namespace",
          "sparkUnits",
          "cores",
          "memoryGiB"
        ],
        "properties": {
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "namespace": {
            "type": "string"
          },
          "sparkUnits": {
            "type": "integer",
            "minimum": 0
          },
          "cores": {
            "type": "number"
          },
          "memoryGiB": {
            "type": "number"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedBy": {
            "type": "string"
          }
        }
      },
      "RegistrySnapshot": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sparkUnitSize",
          "namespaces",
          "totalIngestionUnits",
          "totalCores",
          "totalMemoryGiB"
        ],
        "properties": {
          "sparkUnitSize": {
            "$ref": "#/components/schemas/SparkUnitSize"
          },
          "namespaces": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/NamespaceAllocation"
            }
          },
          "totalIngestionUnits": {
            "type": "integer"
          },
          "totalCores": {
            "type": "number"
          },
          "totalMemoryGiB": {
            "type": "number"
          }
        }
      },
      "UnitType": {
        "type": "string",
        "enum": [
          "dedicated-units",
          "vcpu-hours"
        ]
      },
      "ValidityPeriod": {
        "type": "string",
        "enum": [
          "daily",
          "monthly",
          "yearly"
        ]
      },
      "PurchaseRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "unitType",
          "quantity",
          "period"
        ],
        "properties": {
          "unitType": {
            "$ref": "#/components/schemas/UnitType"
          },
          "quantity": {
            "type": "number"
          },
          "period": {
            "$ref": "#/components/schemas/ValidityPeriod"
          },
          "validFrom": {
            "type": "string"
          }
        }
      },
      "Purchase": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "tenant",
          "unitType",
          "quantity",
          "period",
          "validFrom",
          "validUntil",
          "purchasedBy",
          "purchasedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "tenant": {
            "type": "string"
          },
          "unitType": {
            "$ref": "#/components/schemas/UnitType"
          },
          "quantity": {
            "type": "number"
          },
          "period": {
            "$ref": "#/components/schemas/ValidityPeriod"
          },
          "validFrom": {
            "type": "string",
            "format": "date-time"
          },
          "validUntil": {
            "type": "string",
            "format": "date-time"
          },
          "purchasedBy": {
            "type": "string"
          },
          "purchasedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "VcpuHourBalance": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tenant",
          "purchasedHours",
          "remainingHours",
          "consumedHours",
          "consumptionRatePerHour",
          "remainingFraction"
        ],
        "properties": {
          "tenant": {
            "type": "string"
          },
          "purchasedHours": {
            "type": "number"
          },
          "remainingHours": {
            "type": "number"
          },
          "consumedHours": {
            "type": "number"
          },
          "consumptionRatePerHour": {
            "type": "number"
          },
          "estimatedDepletionAt": {
            "type": "string",
            "format": "date-time"
          },
          "remainingFraction": {
            "type": "number"
          }
        }
      },
      "TenantCapacity": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tenant",
          "dedicatedUnits",
          "vcpuHours",
          "purchases"
        ],
        "properties": {
          "tenant": {
            "type": "string"
          },
          "dedicatedUnits": {
            "type": "number"
          },
          "vcpuHours": {
            "$ref": "#/components/schemas/VcpuHourBalance"
          },
          "purchases": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Purchase"
            }
          }
        }
      },
      "BalancePoint": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "at",
          "remainingHours",
          "purchasedHours"
        ],
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "remainingHours": {
            "type": "number"
          },
          "purchasedHours": {
            "type": "number"
          }
        }
      },
      "LedgerEntry": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "tenant",
          "kind",
          "unitType",
          "quantity",
          "occurredAt",
          "recordedBy"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "tenant": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "purchase",
              "run-debit",
              "expiry",
              "adjustment"
            ]
          },
          "unitType": {
            "$ref": "#/components/schemas/UnitType"
          },
          "quantity": {
            "type": "number"
          },
          "occurredAt": {
            "type": "string",
            "format": "date-time"
          },
          "recordedBy": {
            "type": "string"
          },
          "validFrom": {
            "type": "string",
            "format": "date-time"
          },
          "validUntil": {
            "type": "string",
            "format": "date-time"
          },
          "period": {
            "$ref": "#/components/schemas/ValidityPeriod"
          },
          "purchaseId": {
            "type": "string"
          },
          "runId": {
            "type": "string"
          },
          "note": {
            "type": "string"
          }
        }
      },
      "JobSpec": {
        "type": "object",
        "description": "An ingestion job as a tenant submits it. The server checks every field and answers 400 naming each bad one (credentials are refused: reference a secret with credentialsSecret).",
        "required": [
          "name",
          "tenant",
          "source",
          "target",
          "schedule",
          "estimates"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "DNS label, unique per tenant"
          },
          "description": {
            "type": "string"
          },
          "tenant": {
            "type": "string",
            "description": "group entity ref"
          },
          "source": {
            "type": "object",
            "required": [
              "type"
            ],
            "description": "postgres/mysql: host, port, database, table or query, partitionColumn, numPartitions, incrementalColumn, credentialsSecret. s3: bucket, prefix, format (csv, json, parquet), options (csv and json), endpoint, region, credentialsSecret.",
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "postgres",
                  "mysql",
                  "s3"
                ]
              },
              "options": {
                "type": "object",
                "additionalProperties": false,
                "description": "s3 csv/json sources only: Spark's reader options. CSV columns are strings unless inferSchema or schema types them; a record that does not fit the schema fails the run.",
                "properties": {
                  "header": {
                    "type": "boolean",
                    "description": "csv: the first line names the columns (default true)"
                  },
                  "delimiter": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 1,
                    "description": "csv: default ,"
                  },
                  "inferSchema": {
                    "type": "boolean",
                    "description": "type the columns from the data"
                  },
                  "schema": {
                    "type": "string",
                    "description": "the columns in SQL DDL, e.g. id BIGINT, amount DECIMAL(10,2), day DATE; not with inferSchema"
                  },
                  "multiLine": {
                    "type": "boolean",
                    "description": "json: a document or array per file; csv: fields spanning lines"
                  },
                  "dateFormat": {
                    "type": "string",
                    "description": "Spark date pattern, e.g. dd.MM.yyyy"
                  },
                  "timestampFormat": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "target": {
            "type": "object",
            "required": [
              "type",
              "path",
              "format"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "s3",
                  "hdfs",
                  "local"
                ],
                "description": "local only where ingestion.allowLocalTargets is on"
              },
              "path": {
                "type": "string"
              },
              "format": {
                "type": "string",
                "enum": [
                  "parquet"
                ]
              },
              "partitionBy": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "mode": {
                "type": "string",
                "enum": [
                  "overwrite",
                  "append",
                  "overwrite-partitions"
                ],
                "description": "How a run lands in the dataset at path: overwrite replaces it, append adds to it, overwrite-partitions replaces only the partitionBy partitions the run wrote (needs partitionBy). Default: overwrite for a full load, append for an incremental one (incrementalColumn). Each run is published atomically: readers of the dataset see the previous or the new one, never a mix."
              },
              "endpoint": {
                "type": "string"
              },
              "credentialsSecret": {
                "type": "string"
              }
            }
          },
          "schedule": {
            "$ref": "#/components/schemas/JobSchedule"
          },
          "estimates": {
            "type": "object",
            "required": [
              "dataVolumeGiB",
              "expectedDurationMinutes",
              "slaMinutes"
            ],
            "properties": {
              "dataVolumeGiB": {
                "type": "number"
              },
              "expectedDurationMinutes": {
                "type": "integer"
              },
              "slaMinutes": {
                "type": "integer"
              }
            }
          },
          "resources": {
            "$ref": "#/components/schemas/JobResources"
          },
          "pool": {
            "type": "string",
            "enum": [
              "dedicated",
              "vcore-hours"
            ]
          }
        }
      },
      "JobResources": {
        "type": "object",
        "properties": {
          "executorInstances": {
            "type": "integer"
          },
          "executorCores": {
            "type": "integer"
          },
          "executorMemoryGiB": {
            "type": "number"
          },
          "driverCores": {
            "type": "integer"
          },
          "driverMemoryGiB": {
            "type": "number"
          }
        }
      },
      "JobSchedule": {
        "type": "object",
        "required": [
          "type"
        ],
        "description": "cron: expression (5 fields) and timezone (IANA). interval: everyMinutes and optional startAt.",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "cron",
              "interval"
            ]
          },
          "expression": {
            "type": "string"
          },
          "timezone": {
            "type": "string"
          },
          "everyMinutes": {
            "type": "integer"
          },
          "startAt": {
            "type": "string"
          }
        }
      },
      "IngestionJob": {
        "allOf": [
          {
            "$ref": "#/components/schemas/JobSpec"
          },
          {
            "type": "object",
            "required": [
              "id",
              "pool",
              "lifecycle",
              "tier",
              "status",
              "createdAt",
              "createdBy",
              "updatedAt",
              "resources"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "lifecycle": {
                "type": "string",
                "enum": [
                  "draft",
                  "production"
                ]
              },
              "tier": {
                "$ref": "#/components/schemas/NamespaceTier"
              },
              "status": {
                "type": "string",
                "enum": [
                  "active",
                  "paused"
                ]
              },
              "lifecycleReason": {
                "type": "string",
                "description": "Why the job is in its lifecycle stage (promoted, not promoted and why, sent back)."
              },
              "createdAt": {
                "type": "string",
                "format": "date-time"
              },
              "createdBy": {
                "type": "string"
              },
              "updatedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        ]
      },
      "JobLifecycleEvent": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "at",
          "kind",
          "lifecycle",
          "tier",
          "by",
          "reason"
        ],
        "properties": {
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "kind": {
            "type": "string",
            "enum": [
              "created",
              "promoted",
              "promotion-refused",
              "sent-back"
            ]
          },
          "lifecycle": {
            "type": "string",
            "enum": [
              "draft",
              "production"
            ]
          },
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "by": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "JobRecommendation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "kind",
          "message",
          "resources",
          "runIds"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "meet-sla",
              "reduce-cpu",
              "reduce-memory"
            ]
          },
          "message": {
            "type": "string"
          },
          "resources": {
            "$ref": "#/components/schemas/JobResources"
          },
          "runIds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "JobHealth": {
        "type": "object",
        "additionalProperties": false,
        "description": "A job's lifecycle and feedback, computed by the server: its timeline, its profiling progress, its SLA compliance over its latest runs, and the recommendations its runs earned.",
        "required": [
          "jobId",
          "lifecycle",
          "tier",
          "profiling",
          "timeline",
          "sla",
          "recommendations"
        ],
        "properties": {
          "jobId": {
            "type": "string"
          },
          "lifecycle": {
            "type": "string",
            "enum": [
              "draft",
              "production"
            ]
          },
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "lifecycleReason": {
            "type": "string"
          },
          "profiling": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "requiredRuns",
              "consecutiveWithinSla"
            ],
            "properties": {
              "requiredRuns": {
                "type": "integer"
              },
              "consecutiveWithinSla": {
                "type": "integer"
              }
            }
          },
          "timeline": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/JobLifecycleEvent"
            }
          },
          "sla": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "judgedRuns",
              "metRuns"
            ],
            "properties": {
              "judgedRuns": {
                "type": "integer"
              },
              "metRuns": {
                "type": "integer"
              },
              "complianceRate": {
                "type": "number"
              }
            }
          },
          "recommendations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/JobRecommendation"
            }
          },
          "lastFinishedRun": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "state"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "state": {
                "type": "string",
                "enum": [
                  "succeeded",
                  "failed",
                  "cancelled"
                ]
              },
              "finishedAt": {
                "type": "string",
                "format": "date-time"
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "JobList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items",
          "totalCount"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/IngestionJob"
            }
          },
          "totalCount": {
            "type": "integer"
          }
        }
      },
      "AdmissionDecision": {
        "type": "object",
        "required": [
          "admitted"
        ],
        "properties": {
          "admitted": {
            "type": "boolean"
          },
          "status": {
            "type": "integer"
          },
          "reason": {
            "type": "string"
          },
          "earliestStart": {
            "type": "string",
            "format": "date-time"
          },
          "alternatives": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "shiftMinutes",
                "firstStart",
                "schedule"
              ],
              "properties": {
                "shiftMinutes": {
                  "type": "integer"
                },
                "firstStart": {
                  "type": "string",
                  "format": "date-time"
                },
                "schedule": {
                  "$ref": "#/components/schemas/JobSchedule"
                }
              }
            }
          }
        }
      },
      "JobValidation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "valid",
          "problems"
        ],
        "properties": {
          "valid": {
            "type": "boolean"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "field",
                "message"
              ],
              "properties": {
                "field": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "pool": {
            "type": "string",
            "enum": [
              "dedicated",
              "vcore-hours"
            ]
          },
          "admission": {
            "$ref": "#/components/schemas/AdmissionDecision"
          }
        }
      },
      "RunMetrics": {
        "type": "object",
        "description": "Measured by Spark for the run, with one meaning whatever the run's end (succeeded, failed, cancelled, timed_out). The run's startedAt/finishedAt span the whole process (JVM start and stop included); the metrics cover the Spark application inside it.",
        "properties": {
          "durationMs": {
            "type": "number",
            "description": "The Spark application's time: from its start event to its end event, or to its last event for a run stopped before the end. Only when Spark left no event log, the application's own measure of its time."
          },
          "cpuTimeMs": {
            "type": "number",
            "description": "CPU time of all tasks, summed"
          },
          "executorRunTimeMs": {
            "type": "number",
            "description": "Wall time of all tasks, summed"
          },
          "peakMemoryBytes": {
            "type": "number",
            "description": "Highest task peak: Spark execution memory or JVM heap"
          },
          "bytesIn": {
            "type": "number",
            "description": "S3 sources: size of the files read. JDBC sources: size of the values read (UTF-8 bytes of text, bytes of binary, fixed width of other values)."
          },
          "bytesOut": {
            "type": "number",
            "description": "Size of the Parquet files written"
          },
          "recordsIn": {
            "type": "number",
            "description": "Rows read from the source"
          },
          "recordsOut": {
            "type": "number",
            "description": "Rows written to the target"
          }
        }
      },
      "IngestionRun": {
        "type": "object",
        "required": [
          "id",
          "jobId",
          "tenant",
          "state",
          "trigger",
          "scheduledFor",
          "tier",
          "namespace",
          "opportunistic",
          "allocatedCores",
          "allocatedMemoryMiB",
          "queuedAt",
          "pool"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "jobId": {
            "type": "string"
          },
          "pool": {
            "type": "string",
            "enum": [
              "dedicated",
              "vcore-hours"
            ]
          },
          "sizing": {
            "type": "object",
            "additionalProperties": false,
            "description": "How the run is sized, stamped when queued; memory per process, Spark's overhead included.",
            "required": [
              "driverCores",
              "driverMemoryMiB",
              "executorCores",
              "executorMemoryMiB",
              "executorInstances"
            ],
            "properties": {
              "driverCores": {
                "type": "number"
              },
              "driverMemoryMiB": {
                "type": "number"
              },
              "executorCores": {
                "type": "number"
              },
              "executorMemoryMiB": {
                "type": "number"
              },
              "executorInstances": {
                "type": "integer"
              }
            }
          },
          "tenant": {
            "type": "string"
          },
          "state": {
            "type": "string",
            "enum": [
              "queued",
              "submitted",
              "running",
              "succeeded",
              "failed",
              "cancelled",
              "timed_out"
            ],
            "description": "timed_out: stopped by the service when it ran longer than the run time limit (ingestion.runTimeLimit.slaMultiple times the job's SLA); charged up to the limit only."
          },
          "trigger": {
            "type": "string",
            "enum": [
              "schedule",
              "manual"
            ]
          },
          "scheduledFor": {
            "type": "string",
            "format": "date-time"
          },
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "namespace": {
            "type": "string"
          },
          "opportunistic": {
            "type": "boolean"
          },
          "allocatedCores": {
            "type": "number"
          },
          "allocatedMemoryMiB": {
            "type": "number"
          },
          "executor": {
            "type": "string"
          },
          "queuedAt": {
            "type": "string",
            "format": "date-time"
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "message": {
            "type": "string"
          },
          "metrics": {
            "$ref": "#/components/schemas/RunMetrics"
          },
          "estimatedStartAt": {
            "type": "string",
            "format": "date-time"
          },
          "slaMet": {
            "type": "boolean",
            "description": "Whether the run finished within its job's SLA, judged once by the server when it finished."
          },
          "slaOverrun": {
            "type": "number",
            "description": "How far over its SLA the run took, as a fraction of the SLA (0.25 = 25% over); 0 within it."
          },
          "efficiency": {
            "type": "object",
            "additionalProperties": false,
            "description": "Actual against allocated, as fractions (CPU time over cores × duration; peak over memory).",
            "required": [
              "cpu",
              "memory"
            ],
            "properties": {
              "cpu": {
                "type": "number"
              },
              "memory": {
                "type": "number"
              }
            }
          },
          "outputPath": {
            "type": "string",
            "description": "Where a succeeded run's data landed: its run_id= directory in the target dataset"
          },
          "watermark": {
            "type": "string",
            "nullable": true,
            "description": "The incremental-load watermark after a succeeded run (null for a full load)"
          }
        }
      },
      "RunList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items",
          "totalCount"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/IngestionRun"
            }
          },
          "totalCount": {
            "type": "integer"
          }
        }
      },
      "HeatmapSlice": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sliceStart",
          "committedCores",
          "committedMemoryMiB",
          "capacityCores",
          "capacityMemoryMiB",
          "utilisation",
          "jobs"
        ],
        "properties": {
          "sliceStart": {
            "type": "string",
            "format": "date-time"
          },
          "committedCores": {
            "type": "number"
          },
          "committedMemoryMiB": {
            "type": "number"
          },
          "capacityCores": {
            "type": "number"
          },
          "capacityMemoryMiB": {
            "type": "number"
          },
          "utilisation": {
            "type": "number"
          },
          "jobs": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "jobId",
                "tenant",
                "runs",
                "cores",
                "memoryMiB"
              ],
              "properties": {
                "jobId": {
                  "type": "string"
                },
                "tenant": {
                  "type": "string"
                },
                "runs": {
                  "type": "integer"
                },
                "cores": {
                  "type": "number"
                },
                "memoryMiB": {
                  "type": "number"
                }
              }
            }
          }
        }
      },
      "EstimateRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sourceType",
          "targetType",
          "dataVolumeGiB",
          "desiredCompletionMinutes"
        ],
        "properties": {
          "sourceType": {
            "type": "string",
            "enum": [
              "postgres",
              "mysql",
              "s3"
            ]
          },
          "targetType": {
            "type": "string",
            "enum": [
              "s3",
              "hdfs",
              "local"
            ]
          },
          "format": {
            "type": "string",
            "enum": [
              "csv",
              "json",
              "parquet"
            ],
            "description": "S3 sources only"
          },
          "dataVolumeGiB": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 1000000
          },
          "desiredCompletionMinutes": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": 2880
          },
          "partitions": {
            "type": "integer",
            "minimum": 1,
            "maximum": 256
          },
          "schedule": {
            "$ref": "#/components/schemas/JobSchedule"
          }
        }
      },
      "DurationEstimate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "expectedMinutes",
          "lowMinutes",
          "highMinutes",
          "confidence"
        ],
        "properties": {
          "expectedMinutes": {
            "type": "number"
          },
          "lowMinutes": {
            "type": "number"
          },
          "highMinutes": {
            "type": "number"
          },
          "confidence": {
            "type": "number"
          }
        }
      },
      "CostComparison": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "currency",
          "runsPerMonth",
          "runsPerMonthAssumed",
          "dedicated",
          "vcpuHours",
          "cheaper",
          "savings"
        ],
        "properties": {
          "currency": {
            "type": "string"
          },
          "runsPerMonth": {
            "type": "number"
          },
          "runsPerMonthAssumed": {
            "type": "boolean"
          },
          "dedicated": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "units",
              "pricePerUnitMonth",
              "amount"
            ],
            "properties": {
              "units": {
                "type": "integer"
              },
              "pricePerUnitMonth": {
                "type": "number"
              },
              "amount": {
                "type": "number"
              }
            }
          },
          "vcpuHours": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "vcpuHours",
              "pricePerVcpuHour",
              "amount"
            ],
            "properties": {
              "vcpuHours": {
                "type": "number"
              },
              "pricePerVcpuHour": {
                "type": "number"
              },
              "amount": {
                "type": "number"
              }
            }
          },
          "cheaper": {
            "type": "string",
            "enum": [
              "dedicated",
              "vcpu-hours"
            ]
          },
          "savings": {
            "type": "number"
          }
        }
      },
      "SizedResources": {
        "description": "A complete size the estimator recommends, in the job's resource fields.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "executorInstances",
          "executorCores",
          "executorMemoryGiB",
          "driverCores",
          "driverMemoryGiB"
        ],
        "properties": {
          "executorInstances": {
            "type": "integer"
          },
          "executorCores": {
            "type": "integer"
          },
          "executorMemoryGiB": {
            "type": "number"
          },
          "driverCores": {
            "type": "integer"
          },
          "driverMemoryGiB": {
            "type": "number"
          }
        }
      },
      "RunReplayEstimate": {
        "description": "Sizing from the task timeline of the job's latest succeeded run (its Spark event log), replayed at each size: the smallest size whose replay finishes within the SLA, priced under both models.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "runId",
          "slaMinutes",
          "sizes",
          "recommendation",
          "cost",
          "gaps"
        ],
        "properties": {
          "runId": {
            "type": "string"
          },
          "slaMinutes": {
            "type": "number"
          },
          "sizes": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "ingestionUnits",
                "taskSlots",
                "predictedMinutes",
                "meetsSla"
              ],
              "properties": {
                "ingestionUnits": {
                  "type": "integer"
                },
                "taskSlots": {
                  "type": "integer"
                },
                "predictedMinutes": {
                  "type": "number"
                },
                "meetsSla": {
                  "type": "boolean"
                }
              }
            }
          },
          "recommendation": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "ingestionUnits",
              "taskSlots",
              "predictedMinutes",
              "meetsSla",
              "resources",
              "cores",
              "memoryMiB"
            ],
            "properties": {
              "ingestionUnits": {
                "type": "integer"
              },
              "taskSlots": {
                "type": "integer"
              },
              "predictedMinutes": {
                "type": "number"
              },
              "meetsSla": {
                "type": "boolean"
              },
              "resources": {
                "$ref": "#/components/schemas/SizedResources"
              },
              "cores": {
                "type": "number"
              },
              "memoryMiB": {
                "type": "number"
              }
            }
          },
          "cost": {
            "$ref": "#/components/schemas/CostComparison"
          },
          "gaps": {
            "description": "What was missing from the event log (a partial log is replayed from what it has).",
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ResourceEstimate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "request",
          "basis",
          "basisLabel",
          "history",
          "model",
          "recommendation",
          "duration",
          "cost",
          "options"
        ],
        "properties": {
          "request": {
            "$ref": "#/components/schemas/EstimateRequest"
          },
          "basis": {
            "type": "string",
            "enum": [
              "job",
              "similar",
              "prior"
            ]
          },
          "basisLabel": {
            "type": "string"
          },
          "history": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "jobRuns",
              "similarRuns",
              "similarJobs"
            ],
            "properties": {
              "jobRuns": {
                "type": "integer"
              },
              "similarRuns": {
                "type": "integer"
              },
              "similarJobs": {
                "type": "integer"
              }
            }
          },
          "model": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "startupSeconds",
              "bytesPerCoreSecond"
            ],
            "properties": {
              "startupSeconds": {
                "type": "number"
              },
              "bytesPerCoreSecond": {
                "type": "number"
              }
            }
          },
          "recommendation": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "ingestionUnits",
              "resources",
              "cores",
              "memoryMiB",
              "meetsDeadline"
            ],
            "properties": {
              "ingestionUnits": {
                "type": "integer"
              },
              "resources": {
                "$ref": "#/components/schemas/SizedResources"
              },
              "cores": {
                "type": "number"
              },
              "memoryMiB": {
                "type": "number"
              },
              "meetsDeadline": {
                "type": "boolean"
              }
            }
          },
          "duration": {
            "$ref": "#/components/schemas/DurationEstimate"
          },
          "cost": {
            "$ref": "#/components/schemas/CostComparison"
          },
          "options": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "ingestionUnits",
                "cores",
                "duration",
                "meetsDeadline"
              ],
              "properties": {
                "ingestionUnits": {
                  "type": "integer"
                },
                "cores": {
                  "type": "number"
                },
                "duration": {
                  "$ref": "#/components/schemas/DurationEstimate"
                },
                "meetsDeadline": {
                  "type": "boolean"
                }
              }
            }
          },
          "lastRunReplay": {
            "$ref": "#/components/schemas/RunReplayEstimate"
          }
        }
      },
      "UsageSource": {
        "type": "string",
        "enum": [
          "runs",
          "demo"
        ],
        "description": "The run records, or the quick start's generated demo history (kept apart, never alerted on)."
      },
      "ForecastPoint": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "day",
          "point",
          "lower",
          "upper"
        ],
        "properties": {
          "day": {
            "type": "string",
            "format": "date"
          },
          "point": {
            "type": "number"
          },
          "lower": {
            "type": "number"
          },
          "upper": {
            "type": "number"
          }
        }
      },
      "ForecastHorizon": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "days",
          "point",
          "lower",
          "upper",
          "peakUpper",
          "sparkUnitsToBuy"
        ],
        "properties": {
          "days": {
            "type": "integer"
          },
          "point": {
            "type": "number"
          },
          "lower": {
            "type": "number"
          },
          "upper": {
            "type": "number"
          },
          "peakUpper": {
            "type": "number"
          },
          "sparkUnitsToBuy": {
            "type": "integer"
          }
        }
      },
      "PurchaseAdvice": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sparkUnitsToBuy",
          "steps"
        ],
        "properties": {
          "sparkUnitsToBuy": {
            "type": "integer"
          },
          "neededBy": {
            "type": "string",
            "format": "date"
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "neededBy",
                "additionalSparkUnits",
                "totalSparkUnits"
              ],
              "properties": {
                "neededBy": {
                  "type": "string",
                  "format": "date"
                },
                "additionalSparkUnits": {
                  "type": "integer"
                },
                "totalSparkUnits": {
                  "type": "integer"
                }
              }
            }
          }
        }
      },
      "NamespaceForecast": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tier",
          "namespace",
          "sparkUnits",
          "rolling30DayUtilisation",
          "history",
          "horizons",
          "alertFired"
        ],
        "properties": {
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "namespace": {
            "type": "string"
          },
          "sparkUnits": {
            "type": "integer"
          },
          "rolling30DayUtilisation": {
            "type": "number"
          },
          "history": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "day",
                "sparkUnits"
              ],
              "properties": {
                "day": {
                  "type": "string",
                  "format": "date"
                },
                "sparkUnits": {
                  "type": "number"
                }
              }
            }
          },
          "forecast": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ForecastPoint"
            }
          },
          "horizons": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ForecastHorizon"
            }
          },
          "advice": {
            "$ref": "#/components/schemas/PurchaseAdvice"
          },
          "alertFired": {
            "type": "boolean"
          },
          "note": {
            "type": "string"
          }
        }
      },
      "CapacityForecast": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "source",
          "generatedAt",
          "level",
          "threshold",
          "demoAvailable",
          "namespaces"
        ],
        "properties": {
          "source": {
            "$ref": "#/components/schemas/UsageSource"
          },
          "generatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "level": {
            "type": "number"
          },
          "threshold": {
            "type": "number"
          },
          "demoAvailable": {
            "type": "boolean"
          },
          "namespaces": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/NamespaceForecast"
            }
          }
        }
      },
      "TenantTrend": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tenant",
          "last30DaysCoreHours",
          "previous30DaysCoreHours",
          "trendCoreHoursPerDay",
          "daily"
        ],
        "properties": {
          "tenant": {
            "type": "string"
          },
          "last30DaysCoreHours": {
            "type": "number"
          },
          "previous30DaysCoreHours": {
            "type": "number"
          },
          "growthRate": {
            "type": "number"
          },
          "trendCoreHoursPerDay": {
            "type": "number"
          },
          "daily": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "day",
                "coreHours"
              ],
              "properties": {
                "day": {
                  "type": "string",
                  "format": "date"
                },
                "coreHours": {
                  "type": "number"
                }
              }
            }
          }
        }
      },
      "TenantTrends": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "source",
          "tenants"
        ],
        "properties": {
          "source": {
            "$ref": "#/components/schemas/UsageSource"
          },
          "tenants": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TenantTrend"
            }
          }
        }
      },
      "UsageBucket": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "bucketStart",
          "tier",
          "coreHours",
          "memoryGiBHours"
        ],
        "properties": {
          "bucketStart": {
            "type": "string",
            "format": "date-time"
          },
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "coreHours": {
            "type": "number"
          },
          "memoryGiBHours": {
            "type": "number"
          }
        }
      },
      "CoresAndMemory": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cores",
          "memoryMiB"
        ],
        "properties": {
          "cores": {
            "type": "number"
          },
          "memoryMiB": {
            "type": "number"
          }
        }
      },
      "NamespaceUtilisation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tier",
          "namespace",
          "capacity",
          "used",
          "lent"
        ],
        "properties": {
          "tier": {
            "$ref": "#/components/schemas/NamespaceTier"
          },
          "namespace": {
            "type": "string"
          },
          "capacity": {
            "$ref": "#/components/schemas/CoresAndMemory"
          },
          "used": {
            "$ref": "#/components/schemas/CoresAndMemory"
          },
          "lent": {
            "$ref": "#/components/schemas/CoresAndMemory"
          }
        }
      },
      "DedicatedTenantUtilisation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tenant",
          "units",
          "capacity",
          "used"
        ],
        "properties": {
          "tenant": {
            "type": "string"
          },
          "units": {
            "type": "number"
          },
          "capacity": {
            "$ref": "#/components/schemas/CoresAndMemory"
          },
          "used": {
            "$ref": "#/components/schemas/CoresAndMemory"
          }
        }
      },
      "CapacityUtilisation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "generatedAt",
          "namespaces",
          "dedicatedTenants",
          "lending"
        ],
        "properties": {
          "generatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "namespaces": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/NamespaceUtilisation"
            }
          },
          "dedicatedTenants": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DedicatedTenantUtilisation"
            }
          },
          "lending": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "idleThresholdPercent",
              "idleMinutes",
              "usageHalfLifeHours",
              "usageWindowHours",
              "reclaimTargetSeconds",
              "idleShare",
              "lending",
              "lendable",
              "lent"
            ],
            "properties": {
              "idleThresholdPercent": {
                "type": "number"
              },
              "idleMinutes": {
                "type": "number"
              },
              "usageHalfLifeHours": {
                "type": "number"
              },
              "usageWindowHours": {
                "type": "number"
              },
              "reclaimTargetSeconds": {
                "type": "number"
              },
              "idleShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "idleSince": {
                "type": "string",
                "format": "date-time"
              },
              "lending": {
                "type": "boolean"
              },
              "lendable": {
                "$ref": "#/components/schemas/CoresAndMemory"
              },
              "lent": {
                "$ref": "#/components/schemas/CoresAndMemory"
              }
            }
          }
        }
      },
      "LendingEvent": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "kind",
          "runId",
          "tenant",
          "cores",
          "memoryMiB",
          "occurredAt"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "loan",
              "reclaim",
              "preemption"
            ]
          },
          "runId": {
            "type": "string"
          },
          "tenant": {
            "type": "string"
          },
          "cores": {
            "type": "number"
          },
          "memoryMiB": {
            "type": "number"
          },
          "occurredAt": {
            "type": "string",
            "format": "date-time"
          },
          "endedAt": {
            "type": "string",
            "format": "date-time"
          },
          "coreHours": {
            "type": "number"
          },
          "reclaimedFor": {
            "type": "string"
          },
          "requeuedAs": {
            "type": "string"
          },
          "requestedAt": {
            "type": "string",
            "format": "date-time"
          },
          "victims": {
            "type": "integer"
          },
          "runningAt": {
            "type": "string",
            "format": "date-time"
          },
          "reclaimMs": {
            "type": "number"
          }
        }
      }
    },
    "parameters": {
      "MetricsFrom": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Start of the range (ISO 8601 date-time, inclusive); default 30 days before `to`. At most 90 days.",
        "schema": {
          "type": "string"
        }
      },
      "MetricsTo": {
        "name": "to",
        "in": "query",
        "required": false,
        "description": "End of the range (ISO 8601 date-time, exclusive); default now.",
        "schema": {
          "type": "string"
        }
      },
      "SourceQuery": {
        "name": "source",
        "in": "query",
        "required": false,
        "description": "runs (default) or demo.",
        "schema": {
          "$ref": "#/components/schemas/UsageSource"
        }
      },
      "JobId": {
        "name": "jobId",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{1,4}$"
        }
      },
      "Offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{1,7}$"
        }
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "A key the client makes up per intended request (a UUID). Repeating the request with the same key answers what the first one did, with the header Idempotent-Replayed, instead of doing it again.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_.:-]{1,100}$"
        }
      },
      "Tenant": {
        "name": "tenant",
        "in": "path",
        "required": true,
        "description": "Entity ref of the tenant group, URL-encoded (group%3Adefault%2Fteam-orion).",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, with a message naming what is wrong.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  },
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Liveness of the plugin. The only endpoint that needs no token.",
        "security": [],
        "responses": {
          "200": {
            "description": "The plugin is up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/whoami": {
      "get": {
        "operationId": "GetCaller",
        "x-ingestion-scope": "ingestion.read",
        "description": "The caller, the tenants it acts for, and whether it administers the platform.",
        "responses": {
          "200": {
            "description": "The caller.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Caller"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/api-clients": {
      "get": {
        "operationId": "ListApiClients",
        "x-ingestion-role": "platform-admin",
        "description": "Every registered API client, revoked ones included (platform admins only).",
        "responses": {
          "200": {
            "description": "The clients, by id.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "clients"
                  ],
                  "properties": {
                    "clients": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ApiClient"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "RegisterApiClient",
        "x-ingestion-role": "platform-admin",
        "description": "Registers another system's OAuth 2.0 client (its client_id at the authorization server) for one tenant, with scopes (platform admins only). A client id is registered once; a revoked one is not reused.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "clientId",
                  "tenant",
                  "scopes"
                ],
                "properties": {
                  "clientId": {
                    "type": "string"
                  },
                  "tenant": {
                    "type": "string"
                  },
                  "scopes": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "description": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The registered client.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiClient"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/api-clients/{clientId}/revoke": {
      "post": {
        "operationId": "RevokeApiClient",
        "x-ingestion-role": "platform-admin",
        "description": "Revokes an API client: its tokens are refused from the next request on (platform admins only). Revoking again keeps the first revocation.",
        "parameters": [
          {
            "name": "clientId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The revoked client.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiClient"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/metrics": {
      "get": {
        "operationId": "GetJobMetrics",
        "x-ingestion-scope": "ingestion.read",
        "description": "A job's runs, durations, SLA compliance, core-hours allocated and used, and vCPU-hours consumed over a time range (runs counted by when they finished).",
        "parameters": [
          {
            "name": "jobId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/MetricsFrom"
          },
          {
            "$ref": "#/components/parameters/MetricsTo"
          }
        ],
        "responses": {
          "200": {
            "description": "The job's metrics.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "jobId",
                    "summary"
                  ],
                  "properties": {
                    "jobId": {
                      "type": "string"
                    },
                    "summary": {
                      "$ref": "#/components/schemas/RunMetricsSummary"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/metrics": {
      "get": {
        "operationId": "GetTenantMetrics",
        "x-ingestion-scope": "ingestion.read",
        "description": "A tenant's metrics over a time range, in total and per job (one page, busiest jobs first).",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          },
          {
            "$ref": "#/components/parameters/MetricsFrom"
          },
          {
            "$ref": "#/components/parameters/MetricsTo"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The tenant's metrics.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "tenant",
                    "summary",
                    "jobs",
                    "totalCount"
                  ],
                  "properties": {
                    "tenant": {
                      "type": "string"
                    },
                    "summary": {
                      "$ref": "#/components/schemas/RunMetricsSummary"
                    },
                    "jobs": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": [
                          "jobId",
                          "summary"
                        ],
                        "properties": {
                          "jobId": {
                            "type": "string"
                          },
                          "summary": {
                            "$ref": "#/components/schemas/RunMetricsSummary"
                          }
                        }
                      }
                    },
                    "totalCount": {
                      "type": "integer",
                      "description": "Jobs with runs in the range",
                      "over all pages.": null
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/namespaces/{tier}/metrics": {
      "get": {
        "operationId": "GetNamespaceMetrics",
        "x-ingestion-scope": "ingestion.read",
        "description": "A namespace's metrics over a time range: the runs of the caller's tenants (every tenant's for platform admins), and the core-hours the namespace holds in that time at today's size.",
        "parameters": [
          {
            "name": "tier",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/NamespaceTier"
            }
          },
          {
            "$ref": "#/components/parameters/MetricsFrom"
          },
          {
            "$ref": "#/components/parameters/MetricsTo"
          }
        ],
        "responses": {
          "200": {
            "description": "The namespace's metrics.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "tier",
                    "summary",
                    "coreHoursCapacity"
                  ],
                  "properties": {
                    "tier": {
                      "$ref": "#/components/schemas/NamespaceTier"
                    },
                    "tenants": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "summary": {
                      "$ref": "#/components/schemas/RunMetricsSummary"
                    },
                    "coreHoursCapacity": {
                      "type": "number"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "GetApiDefinition",
        "x-ingestion-scope": "ingestion.read",
        "description": "This document, with its paths under the plugin's base path (served by Backstage's OpenAPI router). It holds no tenant's data: every authenticated caller may read it; the catalog keeps it as the API entity.",
        "responses": {
          "200": {
            "description": "The OpenAPI document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/registry": {
      "get": {
        "operationId": "GetRegistry",
        "x-ingestion-scope": "ingestion.read",
        "description": "The Spark Unit registry per namespace and the Ingestion Units derived from it.",
        "responses": {
          "200": {
            "description": "The registry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistrySnapshot"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/registry/{tier}": {
      "put": {
        "operationId": "SetSparkUnits",
        "x-ingestion-role": "platform-admin",
        "description": "Changes the Spark Units allocated to a namespace (platform admins only).",
        "parameters": [
          {
            "name": "tier",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/NamespaceTier"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "sparkUnits"
                ],
                "properties": {
                  "sparkUnits": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The registry after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistrySnapshot"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/capacity": {
      "get": {
        "operationId": "GetTenantCapacity",
        "x-ingestion-scope": "ingestion.read",
        "description": "The tenant's Dedicated Ingestion Units, vCPU-hour balance and purchases.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          }
        ],
        "responses": {
          "200": {
            "description": "The tenant's capacity.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TenantCapacity"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/balance": {
      "get": {
        "operationId": "GetBalance",
        "x-ingestion-scope": "ingestion.read",
        "description": "Current vCPU-hour balance, consumption rate and estimated depletion time.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          }
        ],
        "responses": {
          "200": {
            "description": "The balance.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VcpuHourBalance"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/balance/history": {
      "get": {
        "operationId": "GetBalanceHistory",
        "x-ingestion-scope": "ingestion.read",
        "description": "The vCPU-hour balance after every ledger event, for charts.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          },
          {
            "name": "days",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{1,3}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The history.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "points"
                  ],
                  "properties": {
                    "points": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/BalancePoint"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/ledger": {
      "get": {
        "operationId": "GetLedger",
        "x-ingestion-scope": "ingestion.read",
        "description": "The tenant's ledger entries, oldest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          }
        ],
        "responses": {
          "200": {
            "description": "The entries.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "entries"
                  ],
                  "properties": {
                    "entries": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/LedgerEntry"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/adjustments": {
      "post": {
        "operationId": "AdjustBalance",
        "x-ingestion-role": "platform-admin",
        "description": "A platform admin credits (positive) or debits (negative) a tenant's vCPU-hours, saying why.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "hours",
                  "note"
                ],
                "properties": {
                  "hours": {
                    "type": "number"
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "Recorded."
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/purchases": {
      "post": {
        "operationId": "CreatePurchase",
        "x-ingestion-role": "tenant-admin",
        "description": "Buys Dedicated Ingestion Units or vCPU-hours (the tenant's admins and platform admins). Refused with 409 when the Spark Units of the namespace cannot cover it, and with 422 when the Idempotency-Key was used for a different purchase.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PurchaseRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The recorded purchase.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Purchase"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "422": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs": {
      "get": {
        "operationId": "ListJobs",
        "x-ingestion-scope": "ingestion.read",
        "description": "The caller's tenants' jobs (all jobs for platform admins and backend services), paged and filtered.",
        "parameters": [
          {
            "name": "tenant",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "active",
                "paused"
              ]
            }
          },
          {
            "name": "lifecycle",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "draft",
                "production"
              ]
            }
          },
          {
            "name": "pool",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "dedicated",
                "vcore-hours"
              ]
            }
          },
          {
            "name": "search",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of jobs.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateJob",
        "x-ingestion-scope": "ingestion.write",
        "description": "Creates a job after validating every field and admitting it against the tenant's purchased capacity and the slice calendar. New jobs start in the draft namespace.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/JobSpec"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The created job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "402": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/validate": {
      "post": {
        "operationId": "ValidateJob",
        "x-ingestion-scope": "ingestion.write",
        "description": "Dry run of CreateJob; reports field problems and the admission decision, stores nothing.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The validation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobValidation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}": {
      "get": {
        "operationId": "GetJob",
        "x-ingestion-scope": "ingestion.read",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "200": {
            "description": "The job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "put": {
        "operationId": "UpdateJob",
        "x-ingestion-scope": "ingestion.write",
        "description": "Replaces a job's specification, re-admitting it.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/JobSpec"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "402": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "delete": {
        "operationId": "DeleteJob",
        "x-ingestion-scope": "ingestion.write",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted."
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/schedule": {
      "put": {
        "operationId": "ChangeJobSchedule",
        "x-ingestion-scope": "ingestion.write",
        "description": "Changes only the schedule; refused with alternative windows when the slices are full.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/JobSchedule"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job with its new schedule.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "402": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/status": {
      "put": {
        "operationId": "SetJobStatus",
        "x-ingestion-scope": "ingestion.write",
        "description": "Pauses or resumes a job's schedule.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "status"
                ],
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "active",
                      "paused"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "402": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/health": {
      "get": {
        "operationId": "GetJobHealth",
        "x-ingestion-scope": "ingestion.read",
        "description": "The job's lifecycle timeline, profiling progress, SLA compliance and recommendations.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "200": {
            "description": "The job's health.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobHealth"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/promote": {
      "post": {
        "operationId": "PromoteJob",
        "x-ingestion-role": "platform-admin",
        "description": "Platform admins only: promotes a draft job to the namespace of its pool without waiting for its profiling runs; refused with 409 and the reason when that namespace's slice calendar cannot admit its schedule.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "200": {
            "description": "The job, in production.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/send-back": {
      "post": {
        "operationId": "SendJobBackToDraft",
        "x-ingestion-role": "platform-admin",
        "description": "Platform admins only: sends a production job back to draft, where it is profiled again; refused with 409 when the draft namespace cannot admit its schedule.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "reason": {
                    "type": "string",
                    "maxLength": 500
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job, in draft.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/runs": {
      "get": {
        "operationId": "ListRuns",
        "x-ingestion-scope": "ingestion.read",
        "description": "The job's runs, newest first, with their metrics.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of runs.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "ExecuteJobNow",
        "x-ingestion-scope": "ingestion.write",
        "description": "Queues a run now. A vCPU-hour job of a tenant with no balance left is refused with 402, and a run beyond the tenant's limit of queued manual runs with 429.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "responses": {
          "202": {
            "description": "The queued run.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionRun"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "402": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "429": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/runs/{runId}": {
      "get": {
        "operationId": "GetRun",
        "x-ingestion-scope": "ingestion.read",
        "description": "One run of one of the caller's jobs (another tenant's is a 404): its state, times, allocation, metrics, SLA outcome, and for a succeeded run where its data landed and the watermark it reached.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "name": "runId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The run.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionRun"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/runs/{runId}/cancel": {
      "post": {
        "operationId": "CancelRun",
        "x-ingestion-scope": "ingestion.write",
        "description": "Cancels a queued or running run; the executor stops its processes.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "name": "runId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The run after cancelling.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestionRun"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/estimates": {
      "post": {
        "operationId": "CreateEstimate",
        "x-ingestion-scope": "ingestion.read",
        "description": "Recommends Ingestion Units for a job described by its source, target, volume and desired completion time, from the runs of similar jobs (or a conservative prior when there are none), with the expected duration, its interval, and the monthly cost under both purchase models. Stores nothing.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EstimateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The estimate.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResourceEstimate"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/jobs/{jobId}/estimate": {
      "get": {
        "operationId": "GetJobEstimate",
        "x-ingestion-scope": "ingestion.read",
        "description": "The estimate for one of the caller's jobs from its declared volume and SLA, learnt from its own finished runs once it has three (similar jobs' before); it reflects every run finished by the time it is asked for.",
        "parameters": [
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "200": {
            "description": "The estimate.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResourceEstimate"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "404": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scheduler/heatmap": {
      "get": {
        "operationId": "GetSliceHeatmap",
        "x-ingestion-scope": "ingestion.read",
        "description": "Capacity committed by scheduled runs against capacity, per slice, for one namespace over the next hours. Platform admins see every job in a slice; tenants see only their own jobs.",
        "parameters": [
          {
            "name": "tier",
            "in": "query",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/NamespaceTier"
            }
          },
          {
            "name": "hours",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{1,3}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The slices, in time order.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "slices"
                  ],
                  "properties": {
                    "slices": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/HeatmapSlice"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/forecast/namespaces": {
      "get": {
        "operationId": "GetCapacityForecast",
        "x-ingestion-role": "platform-admin",
        "description": "Per namespace: daily demand in Spark Units over the last 90 days, the rolling 30-day utilisation, the forecast for the next 90 days with its 90% prediction interval, the 30/60/90-day horizons and the fewest Spark Units to buy (and by when) to keep the interval's upper bound at or under 80%. Platform admins only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/SourceQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "The forecast of every namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CapacityForecast"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/forecast/tenants": {
      "get": {
        "operationId": "GetTenantTrends",
        "x-ingestion-role": "platform-admin",
        "description": "Every tenant's consumption over the rolling 30 days, its growth rate and trend. Platform admins only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/SourceQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "The tenants, biggest consumer first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TenantTrends"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/trend": {
      "get": {
        "operationId": "GetTenantTrend",
        "x-ingestion-scope": "ingestion.read",
        "description": "One tenant's consumption trend and growth rate, for its members and platform admins.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Tenant"
          },
          {
            "$ref": "#/components/parameters/SourceQuery"
          }
        ],
        "responses": {
          "200": {
            "description": "The tenant's trend.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TenantTrend"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/forecast/usage": {
      "get": {
        "operationId": "GetCapacityUsage",
        "x-ingestion-role": "platform-admin",
        "description": "Allocated core-hours and memory GiB-hours per namespace and UTC hour or day, summed over tenants, from the rollups. Platform admins only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/SourceQuery"
          },
          {
            "name": "granularity",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "hour",
                "day"
              ]
            }
          },
          {
            "name": "days",
            "in": "query",
            "required": false,
            "description": "How many days back, 1 to 90 (default 30).",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{1,3}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The buckets, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "source",
                    "granularity",
                    "buckets"
                  ],
                  "properties": {
                    "source": {
                      "$ref": "#/components/schemas/UsageSource"
                    },
                    "granularity": {
                      "type": "string",
                      "enum": [
                        "hour",
                        "day"
                      ]
                    },
                    "buckets": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/UsageBucket"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/platform/utilisation": {
      "get": {
        "operationId": "GetCapacityUtilisation",
        "x-ingestion-role": "platform-admin",
        "description": "Capacity used against available now, per namespace and per tenant with Dedicated Ingestion Units, from the runs holding resources; what the dedicated namespace lends to opportunistic runs, and whether it has been idle long enough to lend. Platform admins only.",
        "responses": {
          "200": {
            "description": "The utilisation now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CapacityUtilisation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/platform/lending/events": {
      "get": {
        "operationId": "GetLendingEvents",
        "x-ingestion-role": "platform-admin",
        "description": "The lending audit: every loan of idle dedicated capacity to an opportunistic run, every reclaim by a dedicated run with its time from asking to running, and every preemption it caused, oldest first. Platform admins only.",
        "parameters": [
          {
            "name": "hours",
            "in": "query",
            "required": false,
            "description": "How many hours back, 1 to 2160 (default 24).",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{1,4}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The events of the period.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "from",
                    "to",
                    "items"
                  ],
                  "properties": {
                    "from": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "to": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/LendingEvent"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  }
} as const;

export type IngestionApiSpec = typeof spec;

export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<IngestionApiSpec>(spec, options);
