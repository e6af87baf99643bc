output "mcp_url" {
  description = "The MCP endpoint to put in your MCP client's configuration."
  value       = "${aws_apigatewayv2_api.mcp.api_endpoint}/mcp"
}

output "api_gateway_url" {
  description = "The API's base URL (/healthz and /readyz are under it)."
  value       = aws_apigatewayv2_api.mcp.api_endpoint
}

output "lambda_function_name" {
  description = "The MCP server function."
  value       = aws_lambda_function.server.function_name
}

output "refresh_function_name" {
  description = "The cache-refresh function: `aws lambda invoke --function-name <this> /dev/stdout` refreshes now."
  value       = aws_lambda_function.refresh.function_name
}

output "dynamodb_table_name" {
  description = "The document cache table (CACHE_TABLE_NAME)."
  value       = aws_dynamodb_table.cache.name
}

output "secrets_manager_secret_name" {
  description = "The secret to put the Sigma API credentials in (SIGMA_CREDENTIALS_SECRET_ID)."
  value       = aws_secretsmanager_secret.sigma_credentials.name
}

output "http_tokens_secret_name" {
  description = "The secret to put the static bearer tokens in (SIGMA_MCP_HTTP_TOKENS_SECRET_ID), e.g. {\"ci\":\"<token>\"}."
  value       = aws_secretsmanager_secret.http_tokens.name
}

output "log_group_names" {
  description = "Where the server, the refresh and API Gateway log."
  value = {
    server  = aws_cloudwatch_log_group.server.name
    refresh = aws_cloudwatch_log_group.refresh.name
    api     = aws_cloudwatch_log_group.api.name
  }
}
