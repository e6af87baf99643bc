using System.Diagnostics;
using System.Net;
using System.Web;
using ModelContextProtocol.Authentication;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The interactive half of the OAuth login (<c>connect --login</c>, in a terminal): shows the authorization address,
/// opens the browser on it, and catches the browser's redirect on a loopback listener (RFC 8252), returning code,
/// state and issuer for the SDK to check and exchange. The SDK does everything else (discovery, registration, PKCE).
/// </summary>
internal sealed class BrowserAuthorization(TextWriter messages, bool openBrowser, TimeSpan timeout)
{
    public async Task<AuthorizationResult?> AuthorizeAsync(AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        var redirect = context.RedirectUri;
        using var listener = new HttpListener();
        listener.Prefixes.Add($"{redirect.Scheme}://{redirect.Authority}/");
        listener.Start();

        await messages.WriteLineAsync(openBrowser
            ? $"Log in in your browser. If it does not open by itself, open this address:\n{context.AuthorizationUri}"
            : $"Open this address in a browser on this machine and log in:\n{context.AuthorizationUri}");
        await messages.FlushAsync(cancellationToken);
        if (openBrowser)
        {
            TryOpenBrowser(context.AuthorizationUri);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            HttpListenerContext request;
            try
            {
                request = await listener.GetContextAsync().WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No login came back within {timeout.TotalMinutes:0} minutes. Run the command again to retry.");
            }

            if (!string.Equals(request.Request.Url?.AbsolutePath, redirect.AbsolutePath, StringComparison.Ordinal))
            {
                request.Response.StatusCode = 404;
                request.Response.Close();
                continue;
            }

            var query = HttpUtility.ParseQueryString(request.Request.Url!.Query);
            var error = query["error"];
            await RespondAsync(request.Response, error is null
                ? "Logged in. You can close this tab and go back to the terminal."
                : "The login did not succeed. Go back to the terminal for details.");
            if (error is not null)
            {
                var description = query["error_description"];
                throw new InvalidOperationException($"The authorization server refused the login: {error}{(description is null ? "" : $" ({description})")}.");
            }

            return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query["iss"] };
        }
    }

    private static async Task RespondAsync(HttpListenerResponse response, string text)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"<!doctype html><meta charset=\"utf-8\"><title>sigma-mcp</title><p>{WebUtility.HtmlEncode(text)}</p>");
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static void TryOpenBrowser(Uri address)
    {
        try
        {
            var info = OperatingSystem.IsWindows() ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [address.AbsoluteUri])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
            using var process = Process.Start(info);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No browser here (a server, a container): the address printed above is the way.
        }
    }
}
