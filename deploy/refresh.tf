# The cache refresh on a schedule. Not `serve --refresh-interval`: a Lambda environment is frozen between requests
# and recycled at will, so a timer inside the server would fire late or never, and a refresh longer than the 30 s
# API Gateway allows could not finish inside a request. Servers pick up each newly published cache by themselves.

resource "aws_cloudwatch_event_rule" "refresh" {
  count               = var.refresh_schedule == "" ? 0 : 1
  name                = "${local.name}-refresh"
  description         = "sigma-mcp cache refresh"
  schedule_expression = var.refresh_schedule
}

resource "aws_cloudwatch_event_target" "refresh" {
  count = var.refresh_schedule == "" ? 0 : 1
  rule  = aws_cloudwatch_event_rule.refresh[0].name
  arn   = aws_lambda_function.refresh.arn
}

resource "aws_lambda_permission" "refresh" {
  count         = var.refresh_schedule == "" ? 0 : 1
  statement_id  = "AllowEventBridgeInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.refresh.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.refresh[0].arn
}

# A failed refresh is not retried at once: the next scheduled one tries again (and a lease stops two overlapping).
resource "aws_lambda_function_event_invoke_config" "refresh" {
  function_name          = aws_lambda_function.refresh.function_name
  maximum_retry_attempts = 0
}
