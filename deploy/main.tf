provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge({ Application = "sigma-mcp", Environment = var.environment }, var.tags)
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  name = "${var.name}-${var.environment}"

  # Parameter Store's read-only view of the secret: the code reads the secret with ssm:GetParameter on this name
  # (AWSSDK.SecretsManager is not available to its build), so IAM grants both this parameter and the secret.
  secret_parameter_arn      = "arn:${data.aws_partition.current.partition}:ssm:${var.aws_region}:${data.aws_caller_identity.current.account_id}:parameter/aws/reference/secretsmanager/${aws_secretsmanager_secret.sigma_credentials.name}"
  http_tokens_parameter_arn = "arn:${data.aws_partition.current.partition}:ssm:${var.aws_region}:${data.aws_caller_identity.current.account_id}:parameter/aws/reference/secretsmanager/${aws_secretsmanager_secret.http_tokens.name}"

  # AWS's public Lambda Web Adapter layer (https://github.com/awslabs/aws-lambda-web-adapter), commercial regions.
  web_adapter_layer_arn = "arn:${data.aws_partition.current.partition}:lambda:${var.aws_region}:753240598075:layer:LambdaAdapterLayer${var.architecture == "arm64" ? "Arm64" : "X86"}:${var.web_adapter_layer_version}"

  # The host clients use; the server refuses other Host headers on /mcp (DNS-rebinding protection).
  api_host = replace(aws_apigatewayv2_api.mcp.api_endpoint, "https://", "")

  # Settings both functions share. Every name is one sigma-mcp reads (src/Sigma.Mcp.Tool/Configuration/SettingNames.cs);
  # tests/Sigma.Mcp.Tool.Tests/Deploy/TerraformTests.cs checks that. AWS_REGION and the AWS credentials come from Lambda.
  common_environment = {
    SIGMA_BASE_URL              = var.sigma_base_url
    SIGMA_CREDENTIALS_SECRET_ID = aws_secretsmanager_secret.sigma_credentials.name
    SIGMA_MCP_CACHE             = "dynamodb"
    CACHE_TABLE_NAME            = aws_dynamodb_table.cache.name
    SIGMA_MCP_LOG_LEVEL         = var.log_level
  }

  server_environment = {
    # The static tokens' secret, never the tokens: they stay out of the state and the function's configuration.
    SIGMA_MCP_HTTP_TOKENS_SECRET_ID = var.static_tokens ? aws_secretsmanager_secret.http_tokens.name : ""
    SIGMA_MCP_ALLOWED_HOSTS         = join(",", concat([local.api_host], var.extra_allowed_hosts))
    # Team mode (OAuth resource server); empty values are left out.
    SIGMA_MCP_OAUTH_AUTHORITY   = var.oauth_authority
    SIGMA_MCP_PUBLIC_URL        = var.oauth_authority == "" ? "" : coalesce(var.public_url, "https://${local.api_host}/mcp")
    SIGMA_MCP_OAUTH_AUDIENCE    = var.oauth_audience
    SIGMA_MCP_OAUTH_SCOPE       = var.oauth_scope
    SIGMA_MCP_OAUTH_EMAIL_CLAIM = var.oauth_email_claim
    # Read by the Web Adapter layer, not by sigma-mcp: requests wait until the server answers its liveness probe.
    AWS_LWA_READINESS_CHECK_PATH = "/healthz"
  }
}

# The document cache: exactly the table docs/dynamodb-table.md describes (pk/sk strings, on demand, nothing else).
# It holds only a copy of Sigma's metadata, rebuilt by any refresh, so it has no backups or deletion protection.
resource "aws_dynamodb_table" "cache" {
  name         = "${local.name}-cache"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }
}

# The Sigma API credentials, {"clientId":"...","clientSecret":"..."}. Terraform creates the secret but never its
# value, which would otherwise sit in the state: put it there with `aws secretsmanager put-secret-value` (README).
resource "aws_secretsmanager_secret" "sigma_credentials" {
  name                    = "${local.name}/sigma-credentials"
  description             = "Sigma API credentials for sigma-mcp as {\"clientId\":\"...\",\"clientSecret\":\"...\"}; set out of band."
  kms_key_id              = var.secret_kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_days
}

# The static bearer tokens of machine clients, e.g. {"ci":"<token>","alice":"<token>"} (the server also takes a JSON
# array, or tokens separated by commas). As for the credentials, Terraform creates the secret but never its value:
# `aws secretsmanager put-secret-value` (README). The server re-reads it when it meets an unknown token, at most once a
# minute, so a token added or rotated there works within a minute, without a deployment.
resource "aws_secretsmanager_secret" "http_tokens" {
  name                    = "${local.name}/http-tokens"
  description             = "Bearer tokens for sigma-mcp's MCP endpoint as {\"client name\":\"token\",...}; set out of band."
  kms_key_id              = var.secret_kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_days
}

# The Lambda package is over the 50 MB limit of a direct upload (a self-contained .NET 10 with ASP.NET Core), so it
# goes through a private bucket.
resource "aws_s3_bucket" "artifacts" {
  bucket_prefix = "${local.name}-artifacts-"
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_object" "package" {
  bucket      = aws_s3_bucket.artifacts.id
  key         = "lambda/sigma-mcp-lambda.zip"
  source      = var.package_path
  source_hash = filemd5(var.package_path)
}
