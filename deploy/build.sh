#!/bin/sh
# Builds the Lambda package: a self-contained, ReadyToRun publish of sigma-mcp for Linux plus lambda/bootstrap, zipped
# to deploy/dist/sigma-mcp-lambda.zip (Terraform's package_path). Needs the .NET 10 SDK and zip; no Docker.
#
#   deploy/build.sh                  # arm64 (the default architecture in variables.tf)
#   deploy/build.sh --arch x86_64    # for architecture = "x86_64"
#   deploy/build.sh --native ...     # a native executable (Native AOT) instead: the fastest cold start. Only on a Linux
#                                    # machine of the target architecture, with clang and zlib1g-dev installed.
set -eu

arch=arm64
native=0
while [ $# -gt 0 ]; do
  case "$1" in
  --arch) arch="$2"; shift 2 ;;
  --native) native=1; shift ;;
  *) echo "usage: $0 [--arch arm64|x86_64] [--native]" >&2; exit 2 ;;
  esac
done

case "$arch" in
arm64) rid=linux-arm64 ;;
x86_64) rid=linux-x64 ;;
*) echo "--arch must be arm64 or x86_64" >&2; exit 2 ;;
esac

deploy="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$deploy")"
staging="$deploy/dist/$rid"
package="$deploy/dist/sigma-mcp-lambda.zip"

# The ReadyToRun step keeps its images in obj/Release/net10.0/<rid>/R2R and reuses any it finds newer than their
# inputs, composite or not: a later `dotnet pack` or publish for the same RID took these composite images as its own and
# aborted at start (SIGABRT), and this build could take that one's. So the folder is emptied before and after.
r2r="$repo/src/Sigma.Mcp.Tool/obj/Release/net10.0/$rid/R2R"
rm -rf "$staging" "$package" "$r2r"
mkdir -p "$staging"

if [ "$native" = 1 ]; then
  # Native AOT compiles for the machine it runs on; the binary needs glibc 2.34 at most, which provided.al2023 has.
  if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != "$(echo "$arch" | sed 's/arm64/aarch64/')" ]; then
    echo "--native builds only on Linux $arch (this is $(uname -s) $(uname -m)): build there, or drop --native for the ReadyToRun package" >&2
    exit 2
  fi
  dotnet publish "$repo/src/Sigma.Mcp.Tool/Sigma.Mcp.Tool.csproj" \
    --configuration Release \
    --runtime "$rid" \
    --output "$staging" \
    -p:PublishAot=true \
    -p:SatelliteResourceLanguages=en
  kind="native"
else
  # Self-contained: provided.al2023 has no .NET. ReadyToRun, composite: the app and the runtime precompiled as one
  # image, so that the generic code they share (System.Text.Json over value types, DI, async state machines) is not
  # JIT-compiled at cold start either: process start -> first /mcp answer took 0.57x the time and CPU of the
  # non-composite build, measured locally on linux-x64. Composite needs minutes more to build. English resources only, no
  # symbols: the package must stay under Lambda's 250 MB unzipped (it is about 150 MB).
  dotnet publish "$repo/src/Sigma.Mcp.Tool/Sigma.Mcp.Tool.csproj" \
    --configuration Release \
    --runtime "$rid" \
    --self-contained \
    --output "$staging" \
    -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true \
    -p:SatelliteResourceLanguages=en \
    -p:DebugType=none

  rm -rf "$r2r"
  kind="ReadyToRun composite"
fi

cp "$deploy/lambda/bootstrap" "$staging/bootstrap"
chmod 755 "$staging/bootstrap" "$staging/sigma-mcp"
(cd "$staging" && zip -q -r -9 "$package" .)
echo "Built $package ($(du -h "$package" | cut -f1), $rid, $kind)"
