# One role for both functions, allowed exactly what sigma-mcp calls, on exactly these resources.

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  name               = "${local.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "lambda" {
  statement {
    sid     = "WriteOwnLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      "${aws_cloudwatch_log_group.server.arn}:*",
      "${aws_cloudwatch_log_group.refresh.arn}:*",
    ]
  }

  # Exactly the operations the DynamoDB cache calls: the table in docs/dynamodb-table.md, "IAM".
  statement {
    sid = "CacheTable"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:CreateTable",
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
    ]
    resources = [aws_dynamodb_table.cache.arn]
  }

  # The credentials secret, read through Parameter Store's /aws/reference/secretsmanager/ path, which needs both.
  statement {
    sid       = "ReadCredentialsParameter"
    actions   = ["ssm:GetParameter"]
    resources = [local.secret_parameter_arn]
  }

  statement {
    sid       = "ReadCredentialsSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.sigma_credentials.arn]
  }

  # Only with a customer managed key; the AWS managed key needs no grant.
  dynamic "statement" {
    for_each = var.secret_kms_key_arn == null ? [] : [var.secret_kms_key_arn]

    content {
      sid       = "DecryptCredentialsSecret"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${var.aws_region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "lambda" {
  name   = "${local.name}-lambda"
  role   = aws_iam_role.lambda.id
  policy = data.aws_iam_policy_document.lambda.json
}
