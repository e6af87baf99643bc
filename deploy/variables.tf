variable "aws_region" {
  description = "The AWS region for every resource, e.g. us-east-1."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "sigma-mcp"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name must be 2-21 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name, appended to resource names (dev, prod, ...)."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z0-9-]{1,10}$", var.environment))
    error_message = "environment must be 1-10 lower-case letters, digits or hyphens."
  }
}

variable "sigma_base_url" {
  description = "Your Sigma organization's API host (Administration > Developer Access), e.g. https://aws-api.sigmacomputing.com."
  type        = string
  default     = "https://api.sigmacomputing.com"

  validation {
    condition     = can(regex("^https://[^/]+(/v2)?/?$", var.sigma_base_url))
    error_message = "sigma_base_url must be an https:// API host, optionally ending in /v2."
  }
}

variable "static_tokens" {
  description = <<-EOT
    Whether machine clients may use static bearer tokens ('Authorization: Bearer <token>'), read from the Secrets
    Manager secret this creates (output http_tokens_secret_name; SIGMA_MCP_HTTP_TOKENS_SECRET_ID). The tokens are never
    a Terraform variable: put them in the secret with `aws secretsmanager put-secret-value`. false: OAuth only
    (oauth_authority must be set).
  EOT
  type        = bool
  default     = true
}

variable "oauth_authority" {
  description = "Team mode: the OAuth/OpenID Connect issuer whose access tokens the server accepts (SIGMA_MCP_OAUTH_AUTHORITY), e.g. a Cognito user pool's https://cognito-idp.REGION.amazonaws.com/POOL_ID. Empty: static tokens only."
  type        = string
  default     = ""
}

variable "public_url" {
  description = "Team mode: the URL clients use for /mcp (SIGMA_MCP_PUBLIC_URL); empty: the API's own execute-api URL."
  type        = string
  default     = ""
}

variable "oauth_audience" {
  description = "Team mode: the 'aud' access tokens must carry (SIGMA_MCP_OAUTH_AUDIENCE); empty: the public URL. Cognito access tokens carry no 'aud': use an issuer that supports resource indicators, or a pre-token-generation trigger."
  type        = string
  default     = ""
}

variable "oauth_scope" {
  description = "Team mode: a scope every access token must carry (SIGMA_MCP_OAUTH_SCOPE), e.g. sigma-mcp/read; empty: none required."
  type        = string
  default     = ""
}

variable "oauth_email_claim" {
  description = "Team mode: the claim holding the caller's email, which names their Sigma member (SIGMA_MCP_OAUTH_EMAIL_CLAIM)."
  type        = string
  default     = "email"
}

variable "extra_allowed_hosts" {
  description = "Host names besides the API's own execute-api host that clients use, e.g. a custom domain mapped to the API. The server refuses other Host headers."
  type        = list(string)
  default     = []
}

variable "package_path" {
  description = "The Lambda package that deploy/build.sh writes."
  type        = string
  default     = "dist/sigma-mcp-lambda.zip"
}

variable "architecture" {
  description = "arm64 (Graviton: about 20% cheaper per GB-second) or x86_64. Must match the build: deploy/build.sh --arch."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "web_adapter_layer_version" {
  description = "Version of AWS's public Lambda Web Adapter layer (LambdaAdapterLayerArm64 / LambdaAdapterLayerX86)."
  type        = number
  default     = 26
}

variable "memory_size" {
  description = "Memory of the MCP server function, in MB. CPU grows with it; the search index of a 10,000-document cache fits easily in 1024."
  type        = number
  default     = 1024
}

variable "refresh_memory_size" {
  description = "Memory of the cache-refresh function, in MB."
  type        = number
  default     = 1024
}

variable "refresh_schedule" {
  description = "When the cache refresh runs: an EventBridge schedule expression such as rate(6 hours) or cron(0 6 * * ? *). Empty: never on a schedule (invoke the refresh function yourself)."
  type        = string
  default     = "rate(6 hours)"

  validation {
    condition     = var.refresh_schedule == "" || can(regex("^(rate|cron)\\(.+\\)$", var.refresh_schedule))
    error_message = "refresh_schedule must be empty, rate(...) or cron(...)."
  }
}

variable "log_level" {
  description = "SIGMA_MCP_LOG_LEVEL of both functions: trace, debug, information, warning, error, critical or none."
  type        = string
  default     = "information"
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the functions' and the API's logs, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "secret_kms_key_arn" {
  description = "A customer managed KMS key for the credentials secret. Null: Secrets Manager's AWS managed key (no kms:Decrypt grant needed)."
  type        = string
  default     = null
}

variable "secret_recovery_window_days" {
  description = "Days a deleted credentials secret can still be restored (0 deletes it at once, e.g. for a dev stack)."
  type        = number
  default     = 7
}

variable "api_throttle_rate" {
  description = "Requests per second API Gateway lets through, across all clients, before answering 429."
  type        = number
  default     = 20
}

variable "api_throttle_burst" {
  description = "Burst of requests API Gateway lets through above api_throttle_rate."
  type        = number
  default     = 40
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
