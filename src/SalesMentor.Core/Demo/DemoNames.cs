using System.Globalization;
using System.Text;

namespace SalesMentor.Core.Demo;

/// <summary>
/// Generated names: a first name and a last name drawn independently from diverse lists, so a full
/// name is a combination, never a real person on purpose. Also folds names into email local parts.
/// </summary>
internal static class DemoNames
{
    internal static readonly IReadOnlyList<string> FirstNames =
    [
        "Zoë", "José", "Łukasz", "Søren", "Chloé", "Björn", "François", "Inès", "Jürgen", "Małgorzata",
        "Ángel", "Sinéad", "Anaïs", "Ólafur", "Renée", "Michał", "Dagný", "Tomás", "Joaquín", "Noémie",
        "Zoltán", "Mette", "Ingrid", "Aoife", "Lars", "Matteo", "Giulia", "Elena", "Sofia", "Lucas",
        "Emma", "Noah", "Olivia", "Liam", "Ava", "Ethan", "Maya", "Daniel", "Grace", "Samuel",
        "Hannah", "Marcus", "Isabel", "Diego", "Camila", "Mateo", "Valentina", "Wei", "Mei", "Hiroshi",
        "Yuki", "Haruto", "Aiko", "Min-jun", "Ji-woo", "Seo-yeon", "Jun", "Xiu", "Thanh", "Linh",
        "Omar", "Layla", "Youssef", "Fatima", "Karim", "Amira", "Hassan", "Nour", "Rania", "Tariq",
        "Priya", "Arjun", "Ananya", "Rohan", "Aditya", "Kavya", "Vikram", "Meera", "Sanjay", "Deepa",
        "Chidi", "Amara", "Kwame", "Nia", "Tendai", "Ayodele", "Kofi", "Zanele", "Emeka", "Ngozi",
        "Aroha", "Tane", "Leilani", "Keanu", "Şule", "Emre",
    ];

    internal static readonly IReadOnlyList<string> LastNames =
    [
        "Müller", "Kowalski", "Nowak", "Jørgensen", "García", "Fernández", "Dubois", "Lefèvre", "Rossi", "O'Brien",
        "Novák", "Svensson", "Öztürk", "Yılmaz", "Şahin", "Trần", "Løvgren", "Ødegaard", "Håkansson", "Ivanović",
        "Dvořák", "Szabó", "Kovács", "Papadopoulos", "Costa", "Silva", "Pereira", "Oliveira", "Hernández", "Martínez",
        "López", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Janssen", "de Vries", "Peeters", "Larsen",
        "Nielsen", "Virtanen", "Korhonen", "Johnson", "Williams", "Brown", "Taylor", "Walker", "Clarke", "Murphy",
        "Kelly", "Bennett", "Carter", "Reyes", "Morales", "Tanaka", "Sato", "Suzuki", "Takahashi", "Watanabe",
        "Kim", "Park", "Lee", "Choi", "Chen", "Wang", "Li", "Zhang", "Liu", "Huang",
        "Nguyen", "Pham", "Haddad", "Al-Farsi", "Nasser", "Khalil", "Mansour", "Rahimi", "Karimi", "Sharma",
        "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Banerjee", "Menon", "Chatterjee", "Okafor", "Mensah",
        "Adeyemi", "Mwangi", "Okonkwo", "Diallo", "Ndlovu", "Kamau", "Ó Briain", "Weiß",
    ];

    /// <summary>A generated "First Last" name.</summary>
    internal static (string First, string Last) Draw(DemoRandom random) => (random.Pick(FirstNames), random.Pick(LastNames));

    /// <summary>
    /// "first.last" in lowercase ASCII: diacritics stripped (Zoë → zoe), letters without a decomposition
    /// transliterated (Ł → l, ø → o, ß → ss), spaces and apostrophes dropped, hyphens kept.
    /// </summary>
    internal static string EmailLocalPart(string first, string last) => $"{FoldToAscii(first)}.{FoldToAscii(last)}";

    /// <summary>Lowercase ASCII letters, digits and inner hyphens of <paramref name="name"/>.</summary>
    internal static string FoldToAscii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in Transliterate(name).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (c == '-' && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }

        return builder.ToString().TrimEnd('-');
    }

    private static string Transliterate(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c switch
            {
                'ł' or 'Ł' => "l",
                'ø' or 'Ø' => "o",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ß' => "ss",
                'đ' or 'Đ' or 'ð' or 'Ð' => "d",
                'þ' or 'Þ' => "th",
                'ı' => "i",
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }
}
