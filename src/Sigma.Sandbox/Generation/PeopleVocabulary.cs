namespace Sigma.Sandbox.Generation;

/// <summary>Names for generated members and organizations.</summary>
internal static class PeopleVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Margaret", "Dennis", "Frances", "Ken",
        "Radia", "Linus", "Hedy", "Tim", "Karen", "Guido", "Shafi", "Bjarne", "Sophie", "John",
        "Adele", "Niklaus", "Lynn", "James", "Mary", "Leslie", "Anita", "Vint", "Jean", "Robert",
        "Priya", "Mateo", "Aiko", "Kwame", "Ingrid", "Omar", "Lucia", "Chen", "Fatima", "Diego",
    ];

    public static readonly string[] LastNames =
    [
        "Hopper", "Turing", "Johnson", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Ritchie", "Allen", "Thompson",
        "Perlman", "Torvalds", "Lamarr", "Berners-Lee", "Jones", "van Rossum", "Goldwasser", "Stroustrup", "Wilson", "Backus",
        "Goldberg", "Wirth", "Conway", "Gosling", "Keller", "Lamport", "Borg", "Cerf", "Sammet", "Kahn",
        "Raman", "Alvarez", "Tanaka", "Mensah", "Larsen", "Haddad", "Ferreira", "Wei", "Khan", "Romero",
    ];

    public static readonly string[] OrganizationSlugs =
    [
        "northwind-analytics", "acme-corp", "globex", "initech", "umbrella-co", "wayne-enterprises", "stark-industries",
        "tyrell-corp", "hooli", "contoso",
    ];

    /// <summary>Account types with their share of generated members.</summary>
    public static readonly (string Name, double Share)[] MemberTypes =
    [
        ("Admin", 0.08), ("Creator", 0.40), ("Explorer", 0.30), ("Viewer", 0.22),
    ];
}
