namespace Sigma.Mcp.Tool.Search;

/// <summary>Build-time: gathers the term ids of one field of one document or element, then emits each once.</summary>
internal sealed class TermIdSet
{
    private readonly List<int> _ids = [];

    public void Add(int[] ids) => _ids.AddRange(ids);

    /// <summary>Adds one posting per distinct id to <paramref name="builder"/>, then empties the set.</summary>
    public void EmitTo(PostingListsBuilder builder, int field, int value)
    {
        _ids.Sort();
        for (var i = 0; i < _ids.Count; i++)
        {
            if (i == 0 || _ids[i] != _ids[i - 1])
            {
                builder.Add(_ids[i], field, value);
            }
        }

        _ids.Clear();
    }
}
