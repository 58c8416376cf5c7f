using System.Text;

namespace ArchiveSite.Output;

/// <summary>
/// Gives the local names of a compacted ES5 script (variables, parameters and functions declared inside a
/// function) the shortest names no word of the script uses: the search page's first query loads the scripts
/// whole, and long descriptive names were about a third of what was left of them. Every use of one name in
/// the file gets the same new name, so which declaration a use refers to never changes (scopes and shadowing
/// stay as they were); names declared at the top level (globals the page's other scripts share) are kept, and
/// so are property names (after a dot, or an object literal's keys) and strings.
/// </summary>
static class ShortLocalNames
{
    enum Kind { Word, Text, Punctuation, Space, LineBreak }

    readonly record struct Token(Kind Kind, string Text);

    public static string Of(string compact)
    {
        var tokens = Tokens(compact);
        if (tokens is null) return compact;
        var (locals, kept) = Declarations(tokens);
        var words = tokens.Where(t => t.Kind == Kind.Word).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var renamed = NewNames(tokens, locals.Where(name => !kept.Contains(name) && !Reserved.Contains(name)), words);
        var output = new StringBuilder(compact.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            output.Append(token.Kind == Kind.Word && renamed.TryGetValue(token.Text, out var name) && !IsPropertyName(tokens, i) ? name : token.Text);
        }
        return output.ToString();
    }

    /// <summary>The names declared inside functions, and the words met outside every function.</summary>
    static (HashSet<string> Locals, HashSet<string> TopLevel) Declarations(List<Token> tokens)
    {
        var locals = new HashSet<string>(StringComparer.Ordinal);
        var topLevel = new HashSet<string>(StringComparer.Ordinal);
        var bodies = new Stack<int>();
        var braces = 0;
        var bodyPending = 0;
        void Declare(string name, bool local) => (local ? locals : topLevel).Add(name);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Any word met outside every function may be a global another script shares.
            if (bodies.Count == 0 && token.Kind == Kind.Word) topLevel.Add(token.Text);
            if (token.Text == "{")
            {
                braces++;
                if (bodyPending > 0)
                {
                    bodies.Push(braces);
                    bodyPending--;
                }
            }
            else if (token.Text == "}")
            {
                if (bodies.Count > 0 && bodies.Peek() == braces) bodies.Pop();
                braces--;
            }
            else if (token is { Kind: Kind.Word, Text: "function" })
            {
                var at = Next(tokens, i);
                if (at < tokens.Count && tokens[at].Kind == Kind.Word)
                {
                    Declare(tokens[at].Text, bodies.Count > 0);
                    at = Next(tokens, at);
                }
                // Parameters, up to the closing parenthesis.
                for (at = Next(tokens, at); at < tokens.Count && tokens[at].Text != ")"; at = Next(tokens, at))
                    if (tokens[at].Kind == Kind.Word) locals.Add(tokens[at].Text);
                bodyPending++;
            }
            else if (token is { Kind: Kind.Word, Text: "catch" } && !IsPropertyName(tokens, i))
            {
                var at = Next(tokens, Next(tokens, i));
                if (at < tokens.Count && tokens[at].Kind == Kind.Word) locals.Add(tokens[at].Text);
            }
            else if (token is { Kind: Kind.Word, Text: "var" })
            {
                foreach (var name in VarNames(tokens, i)) Declare(name, bodies.Count > 0);
            }
        }
        return (locals, topLevel);
    }

    /// <summary>
    /// The names a var statement declares: the first word after it and each word after a comma at its own
    /// level of brackets, until the statement ends (a semicolon or a line break at that level, "in" or "of"
    /// of a for loop, or a closing bracket of an enclosing level).
    /// </summary>
    static IEnumerable<string> VarNames(List<Token> tokens, int var)
    {
        var level = 0;
        var expectName = true;
        for (var at = Next(tokens, var); at < tokens.Count; at++)
        {
            var token = tokens[at];
            if (token.Kind == Kind.Space) continue;
            if (expectName && token.Kind == Kind.Word) yield return token.Text;
            expectName = false;
            if (token.Text is "(" or "[" or "{") level++;
            else if (token.Text is ")" or "]" or "}" && --level < 0) yield break;
            else if (level > 0) continue;
            else if (token.Text is ";" or "in" or "of") yield break;
            else if (token.Text == ",") expectName = true;
            else if (token.Kind == Kind.LineBreak && tokens[Previous(tokens, at)].Text != ",") yield break;
        }
    }

    /// <summary>A word used as a property: after a dot, or an object literal's key ("{" or "," before it, ":" after).</summary>
    static bool IsPropertyName(List<Token> tokens, int at)
    {
        var before = Previous(tokens, at);
        if (before < 0) return false;
        if (tokens[before].Text == ".") return true;
        var after = Next(tokens, at);
        return tokens[before].Text is "{" or "," && after < tokens.Count && tokens[after].Text == ":";
    }

    /// <summary>
    /// Short names for the names worth renaming, the most used first: one letter, then two, skipping every
    /// word the script holds and the reserved words. A name is renamed only when it gets shorter.
    /// </summary>
    static Dictionary<string, string> NewNames(List<Token> tokens, IEnumerable<string> names, HashSet<string> words)
    {
        var uses = tokens.Where(t => t.Kind == Kind.Word).CountBy(t => t.Text, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        using var free = FreeNames(words).GetEnumerator();
        foreach (var name in names.Where(n => n.Length > 1).OrderByDescending(n => uses[n] * (n.Length - 1)).ThenBy(n => n, StringComparer.Ordinal))
        {
            free.MoveNext();
            if (free.Current.Length < name.Length) renamed[name] = free.Current;
        }
        return renamed;
    }

    static IEnumerable<string> FreeNames(HashSet<string> words)
    {
        const string First = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
        const string Rest = First + "0123456789";
        foreach (var name in First.Select(c => c.ToString()).Concat(First.SelectMany(a => Rest.Select(b => $"{a}{b}"))).Concat(First.SelectMany(a => Rest.SelectMany(b => Rest.Select(c => $"{a}{b}{c}")))))
            if (!words.Contains(name) && !Reserved.Contains(name)) yield return name;
    }

    static int Next(List<Token> tokens, int at)
    {
        do at++; while (at < tokens.Count && tokens[at].Kind is Kind.LineBreak or Kind.Space);
        return at;
    }

    static int Previous(List<Token> tokens, int at)
    {
        do at--; while (at >= 0 && tokens[at].Kind is Kind.LineBreak or Kind.Space);
        return at;
    }

    /// <summary>The script's tokens, or null where it holds something this reader does not follow.</summary>
    static List<Token>? Tokens(string code)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            var start = i;
            Kind kind;
            if (c == '\n')
            {
                kind = Kind.LineBreak;
                i++;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                kind = Kind.Space;
                while (i < code.Length && code[i] is ' ' or '\t' or '\r') i++;
            }
            else if (c is '"' or '\'')
            {
                kind = Kind.Text;
                for (i++; i < code.Length && code[i] != c; i++)
                    if (code[i] == '\\') i++;
                if (i >= code.Length) return null;
                i++;
            }
            else if (c == '/' && RegexMayStart(tokens))
            {
                kind = Kind.Text;
                var inClass = false;
                for (i++; i < code.Length && (inClass || code[i] != '/'); i++)
                {
                    if (code[i] == '\n') return null;
                    if (code[i] == '\\') i++;
                    else if (code[i] == '[') inClass = true;
                    else if (code[i] == ']') inClass = false;
                }
                if (i >= code.Length) return null;
                for (i++; i < code.Length && CompactScript.IsWordCharacter(code[i]); i++) { }
            }
            else if (CompactScript.IsWordCharacter(c))
            {
                kind = Kind.Word;
                while (i < code.Length && CompactScript.IsWordCharacter(code[i])) i++;
            }
            else if (c == '`')
            {
                return null;
            }
            else
            {
                kind = Kind.Punctuation;
                i++;
            }
            tokens.Add(new Token(kind, code[start..i]));
        }
        return tokens;
    }

    // As CompactScript reads a slash: a regular expression where an expression may start.
    static bool RegexMayStart(List<Token> tokens)
    {
        var at = tokens.Count - 1;
        while (at >= 0 && tokens[at].Kind == Kind.Space) at--;
        if (at < 0 || tokens[at].Kind == Kind.LineBreak) return true;
        var last = tokens[at];
        if (last.Kind == Kind.Word) return CompactScript.KeywordsBeforeAnExpression.Contains(last.Text);
        if (last.Kind == Kind.Text) return false;
        return CompactScript.OperatorsBeforeAnExpression.Contains(last.Text[0]);
    }

    static readonly HashSet<string> Reserved = new(
    [
        "do", "if", "in", "of", "for", "let", "new", "try", "var", "case", "else", "enum", "null", "this", "true",
        "void", "with", "break", "catch", "class", "const", "false", "super", "throw", "while", "yield", "delete",
        "export", "import", "public", "return", "static", "switch", "typeof", "default", "extends", "finally",
        "package", "private", "continue", "debugger", "function", "arguments", "interface", "protected",
        "implements", "instanceof", "NaN", "Infinity", "undefined", "eval",
    ], StringComparer.Ordinal);
}
