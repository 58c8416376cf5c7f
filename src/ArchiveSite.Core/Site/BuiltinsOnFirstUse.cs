using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ArchiveSite.Site;

/// <summary>
/// Scriban's builtins (the same names and objects as <see cref="TemplateContext.GetDefaultBuiltinObject"/>), each
/// function group made when a template first names it: Scriban's own builtins import every group's methods by
/// reflection at a process's first context (~0.1 s of a fresh build), while the shipped theme uses only <c>array</c>.
/// A group is made once per process and each context gets its own clone, as Scriban's builtins do, because a
/// template may add members to a group.
/// </summary>
public sealed class BuiltinsOnFirstUse : ScriptObject
{
    static readonly Lazy<ScriptObject> ArrayGroup = new(() => new ArrayFunctions());
    static readonly Lazy<ScriptObject> DateGroup = new(() => new DateTimeFunctions());
    static readonly Lazy<ScriptObject> HtmlGroup = new(() => new HtmlFunctions());
    static readonly Lazy<ScriptObject> MathGroup = new(() => new MathFunctions());
    static readonly Lazy<ScriptObject> ObjectGroup = new(() => new ObjectFunctions());
    static readonly Lazy<ScriptObject> RegexGroup = new(() => new RegexFunctions());
    static readonly Lazy<ScriptObject> StringGroup = new(() => new StringFunctions());
    static readonly Lazy<ScriptObject> TimeSpanGroup = new(() => new TimeSpanFunctions());

    static Lazy<ScriptObject>? Group(string name) => name switch
    {
        "array" => ArrayGroup,
        "date" => DateGroup,
        "html" => HtmlGroup,
        "math" => MathGroup,
        "object" => ObjectGroup,
        "regex" => RegexGroup,
        "string" => StringGroup,
        "timespan" => TimeSpanGroup,
        _ => null,
    };

    public BuiltinsOnFirstUse() : base(12, autoImportStaticsFromThisType: false)
    {
        SetValue("empty", EmptyScriptObject.Default, readOnly: true);
        SetValue("blank", EmptyScriptObject.Default, readOnly: true);
        SetValue("include", new IncludeFunction(), readOnly: true);
        SetValue("include_join", new IncludeJoinFunction(), readOnly: true);
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
        base.TryGetValue(context, span, member, out value) || (Make(member) && base.TryGetValue(context, span, member, out value));

    public override bool Contains(string member) => base.Contains(member) || Group(member) is not null;

    public override bool CanWrite(string member) => Group(member) is null && base.CanWrite(member);

    bool Make(string member)
    {
        if (Group(member) is not { } group)
            return false;
        SetValue(member, group.Value.Clone(deep: true), readOnly: true);
        return true;
    }
}
