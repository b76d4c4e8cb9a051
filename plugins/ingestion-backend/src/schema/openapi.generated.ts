// Generated from openapi.yaml by scripts/openapi/generate-router.mjs. Do not edit; run `yarn openapi:generate`.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "ingestion",
    "version": "1",
    "description": "The managed Spark ingestion service: the Spark Unit registry, tenant capacity, ingestion jobs and their runs. Every endpoint except /health needs a Backstage user token; results are scoped to the caller's tenants.",
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
      }
    },
    "parameters": {
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
          }
        }
      }
    },
    "/whoami": {
      "get": {
        "operationId": "GetCaller",
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
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/registry": {
      "get": {
        "operationId": "GetRegistry",
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
          "401": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/registry/{tier}": {
      "put": {
        "operationId": "SetSparkUnits",
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
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/balance": {
      "get": {
        "operationId": "GetBalance",
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
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/balance/history": {
      "get": {
        "operationId": "GetBalanceHistory",
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
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/ledger": {
      "get": {
        "operationId": "GetLedger",
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
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/tenants/{tenant}/purchases": {
      "post": {
        "operationId": "CreatePurchase",
        "description": "Buys Dedicated Ingestion Units or vCPU-hours. Refused with 409 when the Spark Units of the namespace cannot cover it.",
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
          "403": {
            "$ref": "#/components/responses/ErrorResponse"
          },
          "409": {
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
