/**
 * Generated from the sdrs-bff OpenAPI document by openapi-typescript (npm run build:client).
 * Do not edit: change lib/openapi/ or schemas/ and regenerate.
 */
export interface paths {
    "/protection-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List protection groups, filtered and paged
         * @description Unknown query parameters are rejected (400, pointer `#/<parameter>`), so a misspelt filter never silently lists everything.
         */
        get: operations["listProtectionGroups"];
        put?: never;
        /**
         * Create a protection group (asynchronous)
         * @description Validates the body, forwards it to SDRS and answers 202 with the job to poll at `Location`. With `Idempotency-Key`, a retry with the same key and body answers the first outcome again without a second create.
         */
        post: operations["createProtectionGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Poll a job
         * @description While the job is `pending` or `running` the answer carries `Retry-After` (seconds until the next poll is worth it); a `failed` job carries a `problem`. The answer is 200 in every job state.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/active-domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active-active domains and their availability-zone pair
         * @description What a create form offers: `domainId` and the (`source`, `target`) AZ pair that goes with it. Sold-out domains are listed with `soldOut: true`.
         */
        get: operations["listActiveDomains"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconcile/runs/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest scheduled reconcile run of a desired list
         * @description The full report of the newest run over `list`, as the run saved it in the report bucket (`reports/<list>/latest.json`): totals, one entry per list entry, and the run-level `problem` when the list could not be read. 404 before the list’s first run.
         */
        get: operations["getLatestReconcileRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description The OpenAPI 3.1 description of this API, generated from the schemas the service validates with. Public; caches may keep it for five minutes.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a ticketing-system delivery
         * @description Authenticated by the source’s signature or token on the raw body, mapped to a create; a redelivery of the same delivery answers with the same `jobId` and creates nothing new.
         */
        post: operations["receiveWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Problem */
        Problem: {
            /**
             * Format: uri-reference
             * @description Identifies the problem type.
             */
            type: string;
            /** @description Short summary of the type; the same every time. */
            title: string;
            /** @description The HTTP status. */
            status: number;
            /** @description This occurrence, for humans. */
            detail?: string;
            /** @description `urn:request:{requestId}`. */
            instance: string;
            /**
             * @description Stable name to switch on.
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "UNAUTHENTICATED" | "FORBIDDEN" | "UPSTREAM_REJECTED" | "UPSTREAM_AUTH_FAILED" | "UPSTREAM_THROTTLED" | "UPSTREAM_CONFLICT" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_TIMEOUT" | "WEBHOOK_SOURCE_UNKNOWN" | "WEBHOOK_PAYLOAD_UNMAPPABLE" | "IDEMPOTENCY_KEY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_STORE_UNAVAILABLE" | "DESIRED_LIST_NOT_FOUND" | "S3_ACCESS_DENIED" | "S3_UNAVAILABLE" | "JOB_NOT_FOUND" | "UPSTREAM_JOB_FAILED" | "INTERNAL";
            /** @description Same as the `X-Request-Id` header. */
            requestId: string;
            /** @description Retrying unchanged can succeed (after `Retry-After` when present). */
            retryable: boolean;
            /** @description Every validation problem at once. */
            errors?: {
                /** @description JSON Pointer as a URI fragment: into the body (`#/name`), or naming the query or path parameter (`#/limit`, `#/jobId`). */
                pointer: string;
                detail: string;
            }[];
            /** @description What SDRS answered, when it answered (sanitised). */
            upstream?: {
                status?: number;
                code?: string;
                message?: string;
                requestId?: string;
            };
        };
        /** GatewayError */
        GatewayError: {
            /** @description `Unauthorized`, `Forbidden`, `Request Entity Too Large`, `Too Many Requests` or `Internal Server Error`. */
            message: string;
        };
        /** AcceptedJob */
        AcceptedJob: {
            /** @description SDRS job id; poll it at `statusUrl`. */
            jobId: string;
            /** @constant */
            status: "pending";
            /** @description Same as the `Location` header: `/jobs/{jobId}`. */
            statusUrl: string;
        };
        /** CreateProtectionGroupRequest */
        CreateProtectionGroupRequest: {
            /** @description Protection group name: 1 to 64 bytes of ASCII letters, digits, `.`, `_`, `-` (ASCII only, so characters are bytes). */
            name: string;
            /** @description At most 64 bytes in UTF-8; no `<`, `>` or lookalikes (such as `＜` `＞`), control characters, bidirectional formatting characters or unpaired surrogates. */
            description?: string;
            sourceAvailabilityZone: string;
            targetAvailabilityZone: string;
            domainId: string;
            sourceVpcId: string;
            /**
             * @description Optional; `"migration"` when left out.
             * @enum {string}
             */
            drType?: "migration";
        };
        /** ProtectionGroupPage */
        ProtectionGroupPage: {
            items: {
                id: string;
                name: string;
                description: string | null;
                /** @description SDRS status (`creating`, `available`, `protected`, `error`, …; the `status` filter lists them). A status SDRS adds later passes through unchanged. */
                status: string;
                /** @description Percent. */
                progress: number | null;
                sourceAvailabilityZone: string;
                targetAvailabilityZone: string;
                /** @description Which AZ currently runs production: `source` or `target` (after a failover). */
                productionSite: string | null;
                domainId: string;
                domainName: string | null;
                sourceVpcId: string;
                targetVpcId: string | null;
                /** @description `migration`. */
                drType: string | null;
                /** @description `started` or `stopped`. */
                protectionStatus: string | null;
                /** @description `active`, `inactive`, `copying` or `active-stopped`. */
                replicationStatus: string | null;
                /** @description `normal` or `abnormal`. */
                healthStatus: string | null;
                protectedInstanceCount: number | null;
                replicationPairCount: number | null;
                /** @description Disaster-recovery drills. */
                drillCount: number | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 in UTC; `null` when SDRS sent none or an unreadable one. SDRS writes some times without a zone (`2019-05-23 03:51:58.256`); this service reads those as UTC, its own choice: SDRS does not say.
                 */
                createdAt: string | null;
                /**
                 * Format: date-time
                 * @description ISO 8601 in UTC; `null` when SDRS sent none or an unreadable one. SDRS writes some times without a zone (`2019-05-23 03:51:58.256`); this service reads those as UTC, its own choice: SDRS does not say.
                 */
                updatedAt: string | null;
            }[];
            /** @description Groups matching the filters, all pages. */
            count: number;
            limit: number;
            offset: number;
            /** @description `offset` of the next page, `null` on the last page. */
            next: number | null;
            /** @description `offset` of the previous page, `null` on the first page. */
            previous: number | null;
        };
        /** Job */
        Job: {
            jobId: string;
            /**
             * @description SDRS INIT → `pending`, RUNNING → `running`, SUCCESS → `succeeded`, FAIL → `failed`; a status SDRS adds later → `running` (keep polling).
             * @enum {string}
             */
            status: "pending" | "running" | "succeeded" | "failed";
            /** @description The group the job created, once SDRS names it. */
            protectionGroupId?: string;
            /** JobProblem */
            problem?: {
                /** Format: uri-reference */
                type: string;
                title: string;
                /** @constant */
                status: 422;
                detail: string;
                /** @constant */
                code: "UPSTREAM_JOB_FAILED";
                retryable: boolean;
                /** @description What SDRS said: the job `error_code` and its `fail_reason` (sanitised). */
                upstream?: {
                    code?: string;
                    message?: string;
                };
            };
            /**
             * Format: date-time
             * @description SDRS’s `begin_time`, in UTC (a time without a zone is read as UTC: our choice).
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description SDRS’s `end_time`, in UTC (a time without a zone is read as UTC: our choice).
             */
            finishedAt?: string;
        };
        /** ActiveDomainList */
        ActiveDomainList: {
            domains: {
                /** @description Send it as `domainId` of a create. */
                id: string;
                name: string;
                description: string | null;
                /** @description No capacity left: a create in this domain fails (offer it disabled). */
                soldOut: boolean;
                /** @description The availability zones of the domain’s two replication clusters. SDRS calls them only one end and the other end; offering `source` as `sourceAvailabilityZone` and `target` as `targetAvailabilityZone` is this service’s choice, and SDRS does not document whether it refuses the reversed pair (a refusal comes back as `UPSTREAM_REJECTED`). */
                availabilityZones: {
                    /** @description The AZ of SDRS’s `local_replication_cluster` (one end); offered as `sourceAvailabilityZone`. */
                    source: string;
                    /** @description The AZ of SDRS’s `remote_replication_cluster` (the other end); offered as `targetAvailabilityZone`. */
                    target: string;
                };
            }[];
        };
        /** ReconcileRunReport */
        ReconcileRunReport: {
            /** @description The Lambda request id of the run. */
            runId: string;
            /** @description Where the desired list came from. */
            list?: {
                /** @description `s3://bucket/key`, or `inline`. */
                source: string;
                /** @description The S3 version read. */
                versionId?: string;
                /** @enum {string} */
                format?: "json" | "yaml";
                bytes?: number;
            };
            dryRun: boolean;
            waitForJobs: boolean;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
            /** @description False when a later run may do better (Lambda retries the run). */
            complete: boolean;
            /** @description Entries per outcome, zeros included, and `items` in all. */
            totals: {
                [key: string]: number;
            };
            upstream: {
                requests?: number;
                throttled?: number;
                ratePerSecond?: number;
                concurrency?: number;
            };
            /** @description Why the run could not work on its entries at all (the list, or the existing groups, could not be read): a problem object, `errors` with JSON Pointers into the list. */
            problem?: Record<string, never>;
            /** @description One entry per list entry, in list order. */
            items: {
                index: number;
                name?: string;
                /** @enum {string} */
                outcome: "created" | "succeeded" | "running" | "job-not-found" | "failed" | "uncertain" | "exists" | "drift" | "invalid" | "duplicate" | "deferred" | "planned";
            }[];
        };
        /** WebhookAccepted */
        WebhookAccepted: {
            /** @description SDRS job id; poll it at `statusUrl`. */
            jobId: string;
            /** @constant */
            status: "pending";
            /** @description Same as the `Location` header: `/jobs/{jobId}`. */
            statusUrl: string;
            /** @description The ticket reference the source maps (e.g. a Jira issue key). */
            ticket: string | null;
            /** @description The webhook source that delivered it. */
            source: string;
        };
        /** WebhookIgnored */
        WebhookIgnored: {
            /** @constant */
            ignored: true;
            ticket: string | null;
            source: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProtectionGroups: {
        parameters: {
            query?: {
                /** @description Substring of the group name (SDRS matches it fuzzily). 1 to 64 bytes in UTF-8. */
                name?: string;
                /** @description Only groups in this SDRS status: one of the 17 on SDRS’s status page. The three other names SDRS’s error messages use (`failed-over-back`, `error-failing-over-back`, `error-failing-back`) are refused with a 400. */
                status?: "creating" | "available" | "protected" | "deleting" | "error-deleting" | "error" | "starting" | "error-starting" | "reprotecting" | "error-reprotecting" | "stopping" | "error-stopping" | "reversing" | "error-reversing" | "failing-over" | "failed-over" | "error-failing-over";
                /** @description Page size, 1 to 100. */
                limit?: number;
                /** @description Number of matching groups to skip, 0 to 2147483547. */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of groups. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description How long the answer may be reused. */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtectionGroupPage"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is invalid. */
            400: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 400;
                        /** @enum {unknown} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `FORBIDDEN`: Not allowed. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            403: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 403;
                        /** @enum {unknown} */
                        code: "FORBIDDEN";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_CONFLICT`: SDRS reported a conflict. */
            409: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 409;
                        /** @enum {unknown} */
                        code: "UPSTREAM_CONFLICT";
                    };
                };
            };
            /** @description `UPSTREAM_REJECTED`: SDRS rejected the request. */
            422: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 422;
                        /** @enum {unknown} */
                        code: "UPSTREAM_REJECTED";
                    };
                };
            };
            /** @description `UPSTREAM_THROTTLED`: SDRS is throttling requests. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 429;
                        /** @enum {unknown} */
                        code: "UPSTREAM_THROTTLED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_AUTH_FAILED`: SDRS rejected the service credentials or permissions. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "UPSTREAM_AUTH_FAILED" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_TIMEOUT`: SDRS did not answer in time. */
            504: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 504;
                        /** @enum {unknown} */
                        code: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    createProtectionGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried create safe: same key and body → the first answer again (`Idempotent-Replayed: true`); same key, other body → 422 `IDEMPOTENCY_KEY_REUSED`; first still running → 409 `IDEMPOTENCY_IN_PROGRESS`. One key of 8 to 255 printable ASCII characters with at least 4 different ones, quoted (`"…"`) or bare (e.g. a UUID); a bare key has no space, `"`, `\`, `,` or `;`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description JSON only (`Content-Type: application/json`; anything else is 415), at most 16384 bytes (413 beyond). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProtectionGroupRequest"];
            };
        };
        responses: {
            /** @description SDRS accepted the create; poll the job. */
            202: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description The job to poll: `/jobs/{jobId}`. */
                    Location: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedJob"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is invalid. `MALFORMED_JSON`: The body is not valid JSON. `IDEMPOTENCY_KEY_INVALID`: The Idempotency-Key header is invalid. */
            400: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 400;
                        /** @enum {unknown} */
                        code: "VALIDATION_FAILED" | "MALFORMED_JSON" | "IDEMPOTENCY_KEY_INVALID";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `FORBIDDEN`: Not allowed. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            403: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 403;
                        /** @enum {unknown} */
                        code: "FORBIDDEN";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `IDEMPOTENCY_IN_PROGRESS`: A request with this Idempotency-Key is still running. `UPSTREAM_CONFLICT`: SDRS reported a conflict. */
            409: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 409;
                        /** @enum {unknown} */
                        code: "IDEMPOTENCY_IN_PROGRESS" | "UPSTREAM_CONFLICT";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The body is too large. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            413: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 413;
                        /** @enum {unknown} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported content type. */
            415: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 415;
                        /** @enum {unknown} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was used for a different request. `UPSTREAM_REJECTED`: SDRS rejected the request. */
            422: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 422;
                        /** @enum {unknown} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "UPSTREAM_REJECTED";
                    };
                };
            };
            /** @description `UPSTREAM_THROTTLED`: SDRS is throttling requests. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 429;
                        /** @enum {unknown} */
                        code: "UPSTREAM_THROTTLED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_AUTH_FAILED`: SDRS rejected the service credentials or permissions. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "UPSTREAM_AUTH_FAILED" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_STORE_UNAVAILABLE`: Idempotency records are unavailable. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "IDEMPOTENCY_STORE_UNAVAILABLE" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_TIMEOUT`: SDRS did not answer in time. */
            504: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 504;
                        /** @enum {unknown} */
                        code: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job id from the `jobId` of a 202 answer: 1 to 64 letters, digits or `-`. */
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job in its current state. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    /** @description How long the answer may be reused. */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is invalid. */
            400: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 400;
                        /** @enum {unknown} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `FORBIDDEN`: Not allowed. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            403: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 403;
                        /** @enum {unknown} */
                        code: "FORBIDDEN";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `JOB_NOT_FOUND`: Unknown job. */
            404: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 404;
                        /** @enum {unknown} */
                        code: "JOB_NOT_FOUND";
                    };
                };
            };
            /** @description `UPSTREAM_CONFLICT`: SDRS reported a conflict. */
            409: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 409;
                        /** @enum {unknown} */
                        code: "UPSTREAM_CONFLICT";
                    };
                };
            };
            /** @description `UPSTREAM_REJECTED`: SDRS rejected the request. */
            422: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 422;
                        /** @enum {unknown} */
                        code: "UPSTREAM_REJECTED";
                    };
                };
            };
            /** @description `UPSTREAM_THROTTLED`: SDRS is throttling requests. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 429;
                        /** @enum {unknown} */
                        code: "UPSTREAM_THROTTLED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_AUTH_FAILED`: SDRS rejected the service credentials or permissions. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "UPSTREAM_AUTH_FAILED" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_TIMEOUT`: SDRS did not answer in time. */
            504: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 504;
                        /** @enum {unknown} */
                        code: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    listActiveDomains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every usable domain. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description How long the answer may be reused. */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveDomainList"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `FORBIDDEN`: Not allowed. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            403: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 403;
                        /** @enum {unknown} */
                        code: "FORBIDDEN";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_CONFLICT`: SDRS reported a conflict. */
            409: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 409;
                        /** @enum {unknown} */
                        code: "UPSTREAM_CONFLICT";
                    };
                };
            };
            /** @description `UPSTREAM_REJECTED`: SDRS rejected the request. */
            422: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 422;
                        /** @enum {unknown} */
                        code: "UPSTREAM_REJECTED";
                    };
                };
            };
            /** @description `UPSTREAM_THROTTLED`: SDRS is throttling requests. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 429;
                        /** @enum {unknown} */
                        code: "UPSTREAM_THROTTLED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_AUTH_FAILED`: SDRS rejected the service credentials or permissions. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "UPSTREAM_AUTH_FAILED" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_TIMEOUT`: SDRS did not answer in time. */
            504: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 504;
                        /** @enum {unknown} */
                        code: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
    getLatestReconcileRun: {
        parameters: {
            query?: {
                /** @description The S3 key of the desired list (`lists/prod.yaml`), or `inline` for runs whose list came in the event. Default: the schedule’s list (`RECONCILE_LIST_KEY`). */
                list?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest run report. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description How long the answer may be reused. */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileRunReport"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is invalid. */
            400: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 400;
                        /** @enum {unknown} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `FORBIDDEN`: Not allowed. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            403: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 403;
                        /** @enum {unknown} */
                        code: "FORBIDDEN";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 404;
                        /** @enum {unknown} */
                        code: "NOT_FOUND";
                    };
                };
            };
            /** @description Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `S3_ACCESS_DENIED`: S3 refused this service’s role. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "S3_ACCESS_DENIED";
                    };
                };
            };
            /** @description `S3_UNAVAILABLE`: S3 is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "S3_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description How long the answer may be reused. */
                    "Cache-Control": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    receiveWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A configured webhook source name. */
                source: string;
            };
            cookie?: never;
        };
        /** @description JSON only (`Content-Type: application/json`; anything else is 415), at most 1048576 bytes (413 beyond). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Delivery acknowledged but filtered out by the source’s rules: nothing created. */
            200: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookIgnored"];
                };
            };
            /** @description Delivery accepted (or a redelivery of an accepted one); poll the job. */
            202: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description The job to poll: `/jobs/{jobId}`. */
                    Location: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAccepted"];
                };
            };
            /** @description `MALFORMED_JSON`: The body is not valid JSON. `VALIDATION_FAILED`: The request is invalid. */
            400: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 400;
                        /** @enum {unknown} */
                        code: "MALFORMED_JSON" | "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required. */
            401: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 401;
                        /** @enum {unknown} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `WEBHOOK_SOURCE_UNKNOWN`: Unknown webhook source. */
            404: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 404;
                        /** @enum {unknown} */
                        code: "WEBHOOK_SOURCE_UNKNOWN";
                    };
                };
            };
            /** @description `IDEMPOTENCY_IN_PROGRESS`: A request with this Idempotency-Key is still running. `UPSTREAM_CONFLICT`: SDRS reported a conflict. */
            409: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 409;
                        /** @enum {unknown} */
                        code: "IDEMPOTENCY_IN_PROGRESS" | "UPSTREAM_CONFLICT";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The body is too large. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            413: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 413;
                        /** @enum {unknown} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported content type. */
            415: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 415;
                        /** @enum {unknown} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `WEBHOOK_PAYLOAD_UNMAPPABLE`: The webhook payload cannot be turned into a create request. `IDEMPOTENCY_KEY_REUSED`: The Idempotency-Key was used for a different request. `UPSTREAM_REJECTED`: SDRS rejected the request. */
            422: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 422;
                        /** @enum {unknown} */
                        code: "WEBHOOK_PAYLOAD_UNMAPPABLE" | "IDEMPOTENCY_KEY_REUSED" | "UPSTREAM_REJECTED";
                    };
                };
            };
            /** @description `UPSTREAM_THROTTLED`: SDRS is throttling requests. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            429: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After"?: number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 429;
                        /** @enum {unknown} */
                        code: "UPSTREAM_THROTTLED";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `INTERNAL`: Internal error. Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`). */
            500: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id"?: string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 500;
                        /** @enum {unknown} */
                        code: "INTERNAL";
                    };
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description `UPSTREAM_AUTH_FAILED`: SDRS rejected the service credentials or permissions. */
            502: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 502;
                        /** @enum {unknown} */
                        code: "UPSTREAM_AUTH_FAILED";
                    };
                };
            };
            /** @description `IDEMPOTENCY_IN_PROGRESS`: A request with this Idempotency-Key is still running. `IDEMPOTENCY_STORE_UNAVAILABLE`: Idempotency records are unavailable. `UPSTREAM_UNAVAILABLE`: SDRS is unavailable. */
            503: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 503;
                        /** @enum {unknown} */
                        code: "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_STORE_UNAVAILABLE" | "UPSTREAM_UNAVAILABLE";
                    };
                };
            };
            /** @description `UPSTREAM_TIMEOUT`: SDRS did not answer in time. */
            504: {
                headers: {
                    /** @description Id of this request; the same as `requestId` in a problem body and in the logs. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before the next request (poll or retry) is worth sending. */
                    "Retry-After": number;
                    /** @description Present on a replayed answer to a retried `Idempotency-Key` or redelivery. */
                    "Idempotent-Replayed"?: "true";
                    /** @description On a replay: the `X-Request-Id` of the request that produced the answer. */
                    "Original-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @constant */
                        status: 504;
                        /** @enum {unknown} */
                        code: "UPSTREAM_TIMEOUT";
                    };
                };
            };
        };
    };
}
