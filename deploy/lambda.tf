# Two functions from one package: "serve" is the MCP server behind API Gateway (Web Adapter layer, sigma-mcp serve
# --http); "refresh" runs sigma-mcp cache refresh once per invocation, on the EventBridge schedule in refresh.tf.
# lambda/bootstrap starts one or the other by the handler name.

resource "aws_cloudwatch_log_group" "server" {
  name              = "/aws/lambda/${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "refresh" {
  name              = "/aws/lambda/${local.name}-refresh"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "server" {
  function_name = local.name
  description   = "sigma-mcp: MCP server for Sigma Computing (Streamable HTTP at /mcp)"
  role          = aws_iam_role.server.arn

  # provided.al2023 with a self-contained build: see README, "Why Lambda, and why this packaging".
  runtime          = "provided.al2023"
  handler          = "serve"
  architectures    = [var.architecture]
  s3_bucket        = aws_s3_object.package.bucket
  s3_key           = aws_s3_object.package.key
  source_code_hash = filebase64sha256(var.package_path)
  layers           = [local.web_adapter_layer_arn]

  memory_size = var.memory_size
  # API Gateway HTTP APIs wait at most 30 s for an answer; a longer-running call would be cut off there anyway.
  timeout = 30

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.server.name
  }

  environment {
    variables = merge(local.common_environment, local.server_environment)
  }

  lifecycle {
    precondition {
      condition     = var.static_tokens || var.oauth_authority != ""
      error_message = "With static_tokens = false, set oauth_authority: otherwise no client could authenticate."
    }
  }

  depends_on = [aws_iam_role_policy.server]
}

resource "aws_lambda_function" "refresh" {
  function_name = "${local.name}-refresh"
  description   = "sigma-mcp: incremental refresh of the DynamoDB document cache"
  role          = aws_iam_role.refresh.arn

  runtime          = "provided.al2023"
  handler          = "refresh"
  architectures    = [var.architecture]
  s3_bucket        = aws_s3_object.package.bucket
  s3_key           = aws_s3_object.package.key
  source_code_hash = filebase64sha256(var.package_path)

  memory_size = var.refresh_memory_size
  # Lambda's maximum. A refresh killed by it leaves the published cache intact; its lease expires in two minutes.
  timeout = 900

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.refresh.name
  }

  environment {
    variables = local.common_environment
  }

  depends_on = [aws_iam_role_policy.refresh]
}
