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
    }
  }
} as const;

export type IngestionApiSpec = typeof spec;

export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<IngestionApiSpec>(spec, options);
