terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.30+ for logging_config on aws_lambda_function. Provider 5.x rejects the dotnet10 runtime name (see README),
      # which is one reason the function runs on provided.al2023 with a self-contained build.
      version = "~> 5.30"
    }
  }
}
