namespace Sigma.Sandbox;

/// <summary>
/// How big the simulated organization is and how it behaves. Everything generated is deterministic for a
/// <see cref="Seed"/>; the well-known content (<see cref="SandboxWellKnown"/>) is present in addition for every seed.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The client id accepted by <c>POST /v2/auth/token</c>. Default <c>sandbox-client-id</c>.</summary>
    public string ClientId { get; init; } = "sandbox-client-id";

    /// <summary>The client secret accepted by <c>POST /v2/auth/token</c>. Default <c>sandbox-client-secret</c>.</summary>
    public string ClientSecret { get; init; } = "sandbox-client-secret";

    /// <summary>Seed of all generated content. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Generated workbooks, in addition to the three well-known ones. Default 40; 100,000 generates in about a second.</summary>
    public int Workbooks { get; init; } = 40;

    /// <summary>Generated data models, in addition to the well-known "Sales Data Model". Default 8.</summary>
    public int DataModels { get; init; } = 8;

    /// <summary>Generated (legacy) datasets. Default 6.</summary>
    public int Datasets { get; init; } = 6;

    /// <summary>Generated reports. Default 4.</summary>
    public int Reports { get; init; } = 4;

    /// <summary>Generated members, in addition to the well-known API user "Ada Lovelace". Default 25.</summary>
    public int Members { get; init; } = 25;

    /// <summary>Page size when a request sends no <c>limit</c>/<c>pageSize</c>. Default 50, as Sigma.</summary>
    public int DefaultPageSize { get; init; } = 50;

    /// <summary>Largest accepted <c>limit</c>/<c>pageSize</c>; above it the sandbox answers 400. Default 1000, as Sigma.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>
    /// Hand-written documents (see <see cref="Corpus.SandboxCorpus"/>) served in place of the generated workbooks, data
    /// models, datasets and reports, with one member per owner. Default null: generated content.
    /// </summary>
    public Corpus.SandboxCorpus? Corpus { get; init; }

    /// <summary>Lifetime of issued access tokens (<c>expires_in</c>). Default one hour, as Sigma.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When true, <c>/v2/datasets</c> answers 410 Gone, as after Sigma retired the dataset API.</summary>
    public bool DatasetsRetired { get; init; }

    /// <summary>Rows an element export yields. Default 500.</summary>
    public int ExportRowsPerElement { get; init; } = 500;

    /// <summary>
    /// When above 0, exported text cells (customer names and other text columns) carry a note of about this many
    /// characters with embedded quotes, commas and line breaks, as free-text columns in real workbooks do. Default 0.
    /// </summary>
    public int ExportNoteLength { get; init; }

    /// <summary>Rows the well-known "Order Lines" element exports. Default 50,000.</summary>
    public int LargeElementRows { get; init; } = 50_000;

    /// <summary>
    /// How many times <c>GET /v2/query/{id}/download</c> answers 204 before the file. Default 2;
    /// <see cref="int.MaxValue"/> makes an export that never becomes ready.
    /// </summary>
    public int ExportPollsBeforeReady { get; init; } = 2;

    /// <summary>
    /// Clock for token expiry and for the timestamps of test mutations. Default <see cref="TimeProvider.System"/>;
    /// latency and delay faults always use real time.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ClientId);
        ArgumentException.ThrowIfNullOrEmpty(ClientSecret);
        ArgumentOutOfRangeException.ThrowIfNegative(Workbooks);
        ArgumentOutOfRangeException.ThrowIfNegative(DataModels);
        ArgumentOutOfRangeException.ThrowIfNegative(Datasets);
        ArgumentOutOfRangeException.ThrowIfNegative(Reports);
        ArgumentOutOfRangeException.ThrowIfNegative(Members);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, DefaultPageSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(ExportRowsPerElement);
        ArgumentOutOfRangeException.ThrowIfNegative(LargeElementRows);
        ArgumentOutOfRangeException.ThrowIfNegative(ExportPollsBeforeReady);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
