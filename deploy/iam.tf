# Two roles, each allowed exactly what its function calls, on exactly these resources:
# - the server (sigma-mcp serve --http) only reads the cache table (GetItem, Query), the Sigma credentials secret and
#   the HTTP tokens secret; it runs read-only (no refresh_cache tool), so a leaked server role or a compromised server
#   cannot change the cache;
# - the refresh function writes the table (docs/dynamodb-table.md, "IAM", lists every operation) and reads the Sigma
#   credentials secret only.

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "server" {
  name               = "${local.name}-server"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role" "refresh" {
  name               = "${local.name}-refresh"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "server" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.server.arn}:*"]
  }

  # Reading the cache: metadata, connections (GetItem) and documents, members (Query). Nothing that writes.
  statement {
    sid       = "ReadCacheTable"
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.cache.arn]
  }

  # Both secrets, read through Parameter Store's /aws/reference/secretsmanager/ path, which needs both actions.
  statement {
    sid       = "ReadSecretParameters"
    actions   = ["ssm:GetParameter"]
    resources = [local.secret_parameter_arn, local.http_tokens_parameter_arn]
  }

  statement {
    sid       = "ReadSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.sigma_credentials.arn, aws_secretsmanager_secret.http_tokens.arn]
  }

  # Only with a customer managed key; the AWS managed key needs no grant.
  dynamic "statement" {
    for_each = var.secret_kms_key_arn == null ? [] : [var.secret_kms_key_arn]

    content {
      sid       = "DecryptSecrets"
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

data "aws_iam_policy_document" "refresh" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.refresh.arn}:*"]
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

resource "aws_iam_role_policy" "server" {
  name   = "${local.name}-server"
  role   = aws_iam_role.server.id
  policy = data.aws_iam_policy_document.server.json
}

resource "aws_iam_role_policy" "refresh" {
  name   = "${local.name}-refresh"
  role   = aws_iam_role.refresh.id
  policy = data.aws_iam_policy_document.refresh.json
}
