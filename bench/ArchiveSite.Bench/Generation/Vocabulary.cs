namespace ArchiveSite.Bench.Generation;

/// <summary>
/// Words and names the generator draws from. Large enough that generated text has a realistic spread of
/// terms for the search index (and a long tail of rare words), small enough to read.
/// </summary>
static class Vocabulary
{
    public static readonly string[] Words = Split("""
        the of and to a in that is it you was for on are with as be at this have from or one had by but not
        what all were we when your can said there use each which she do how their if will up other about out
        many then them these so some her would make like him into time has look two more write see number way
        could people than first been call who its now find long down day did get come made may part over new
        sound take only little work know place year live me back give most very after thing our just name good
        sentence man think say great where help through much before line right too mean old any same tell boy
        follow came want show also around form three small set put end does another well large must big even
        such because turn here why ask went men read need land different home us move try kind hand picture
        again change off play spell air away animal house point page letter mother answer found study still
        learn should world high every near add food between own below country plant last school father keep
        tree never start city earth eye light thought head under story saw left few while along might close
        something seem next hard open example begin life always those both paper together got group often run
        important until children side feet car mile night walk white sea began grow took river four carry state
        once book hear stop without second later miss idea enough eat face watch far really almost let above
        girl sometimes mountain cut young talk soon list song being leave family body music color stand sun
        question fish area mark dog horse birds problem complete room knew since ever piece told usually
        friends easy heard order red door sure become top ship across today during short better best however
        low hours black products happened whole measure remember early waves reached listen wind rock space
        covered fast several hold himself toward five step morning passed true hundred against pattern
        therapist client session patient anxiety trauma empathy attention practice compassion awareness
        feeling emotion memory brain nervous system relationship connection alliance trust safety shame grief
        avoidance exposure breathing mindfulness meditation habit behavior pattern response resistance
        curiosity vulnerability protector exile parts couples families adolescents teenager parent partner
        conflict repair attachment regulation stress resilience recovery research study evidence outcome
        intervention technique approach framework perspective insight reflection boundary burnout supervisor
        colleague training workshop curriculum assessment diagnosis symptom medication sleep pain body
        posture movement rhythm voice silence pause question answer story narrative meaning purpose values
        willingness acceptance commitment gratitude kindness forgiveness courage humility patience hope fear
        anger sadness joy loneliness belonging identity culture community neighborhood village clinic hospital
        office waiting hallway window garden kitchen winter summer morning evening weekend holiday journey
        threshold gentle steady careful honest quiet sudden ordinary remarkable difficult simple subtle
        profound practical clinical emotional physical social cognitive systemic relational intentional
        notice invite explore name validate normalize reframe soften slow deepen sustain track pace mirror
        welcome hold release return breathe listen wonder imagine remember borrow teach share highlight
        """);

    public static readonly string[] Contractions = Split("""
        I’m we’re you’re they’re it’s that’s there’s don’t doesn’t can’t won’t isn’t wasn’t I’ve we’ve I’d
        we’d let’s what’s who’s
        """);

    public static readonly string[] FirstNames = Split("""
        Ron Kelly Ruth Lynn Dick Robert Marsha Joan Daniel Rick Kristin Bessel Pat Stephen Tara Judson Peter
        Jack Sharon Zindel Elisha Bill Christine Shauna Rachel Dan Janina Mark Tonya Amit Leslie Hugo Mei
        Olga Tomas Priya Samuel Ingrid Kofi Lucia Hamid Noor Beatrix Yusuf Greta Malik Sofia Anton
        """);

    public static readonly string[] Surnames = Split("""
        Siegel McGonigal Buczynski Lyons Schwartz Linehan Hanson Neff Levine Porges Ogden Brach Brewer Walker
        Kornfield Salzberg Segal Goldstein Epel Germer Chodron Feldman Fisher Wolynn Moss Kabat Ortiz Nakamura
        Okafor Lindqvist Haddad Petrov Moreau Castellanos Adeyemi Brennan Kowalski Varga Sato Rahman Duarte
        Novak Eriksen Mensah Quinlan Iyer Abara Whitfield Delacroix
        """);

    public static readonly string[] Credentials = ["PhD", "PsyD", "MD", "LCSW", "LMFT", "EdD"];

    public static readonly string[] SeriesNames =
    [
        "Next Level Practitioner - First Sessions", "Treating Trauma Master Series", "The Anxiety Toolkit",
        "Working with Couples", "Mindfulness in Practice", "Rethinking Resistance",
    ];

    static string[] Split(string text) =>
        text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
