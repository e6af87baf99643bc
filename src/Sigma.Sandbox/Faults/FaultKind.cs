namespace Sigma.Sandbox.Faults;

/// <summary>What the request pipeline does with a fault.</summary>
internal enum FaultKind
{
    /// <summary>Answer with an error status and body.</summary>
    Respond,

    /// <summary>Abort the connection without a response.</summary>
    Drop,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Answer with an HTML page instead of JSON, as a proxy, a captive portal or Sigma's throttling sometimes does.</summary>
    WebPage,
}
