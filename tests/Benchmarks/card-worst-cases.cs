#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
// Prints the CPU time of the most costly cards, sleeves and badges the check lets through: names, titles and list
// items at ParserLimits.MaxNameLength, summaries at MaxSummaryLength and a caption at MaxFactValueLength, written
// the costly way (words of MaxWordLength, each cut a character at a time; glyphs from several fonts), and one case
// beyond the bounds for comparison.
// Not a test: speed is measured here, not asserted. Run: dotnet run -c Release tests/Benchmarks/card-worst-cases.cs
// Measured 2026-12-05 (Release, a busy 2-core machine), CPU-s of sleeve + card + PNG + badge: the 10,000-character
// name 1.49 (sleeve 0.66, card 0.60, badge 0.15) since TextBlock cuts by halving; cutting a character at a time it was
// 52.7 (issue 21), and was stopped here after 3 CPU-minutes. Within the bounds: 0.26 → 0.15 and 0.36 → 0.15.
using System.Diagnostics;
using Impala.Discovery.Web.Content.Parsing;
using Impala.Discovery.Web.Features.Cards;
using SkiaSharp;

string Word(int length) => string.Concat(Enumerable.Range(0, length).Select(index => "WМωאm"[index % 5]));
// Words of the longest length the check lets through, in glyphs from several fonts.
string Words(int length) => string.Join(' ', Enumerable.Range(0, length / ParserLimits.MaxWordLength + 1).Select(_ => Word(ParserLimits.MaxWordLength)))[..length];

var colour = SKColor.Parse("#c2410c");
var cases = new (string Name, string Title, string Caption)[]
{
    ("real: 'Ninja Tune'", "Ninja Tune", "London, United Kingdom · 1990"),
    ($"name {ParserLimits.MaxNameLength}, summary {ParserLimits.MaxSummaryLength}", Words(ParserLimits.MaxNameLength), Words(ParserLimits.MaxSummaryLength)),
    ($"name {ParserLimits.MaxNameLength}, caption {ParserLimits.MaxFactValueLength}", Words(ParserLimits.MaxNameLength), Words(ParserLimits.MaxFactValueLength)),
    ("before the bound: name of 10,000, one word", Word(10_000), Word(1_000)),
};

SocialCard.Draw(new CardText("Label", colour, "Warm up", "Up", "Up"), Sleeve.Draw(new SleeveSubject("/labels/x", "Warm up", colour, "GB", "Label")));
var process = Process.GetCurrentProcess();
Console.WriteLine($"{"case",-46} {"sleeve",7} {"card",7} {"png",7} {"badge",7}  CPU-s");
foreach (var (name, title, caption) in cases)
{
    double Cpu(Action action)
    {
        process.Refresh();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    var subject = new SleeveSubject("/labels/bench", title, colour, "GB", "Label · 1990");
    Drawing? sleeve = null, card = null;
    var sleeveCpu = Cpu(() => sleeve = Sleeve.Draw(subject));
    var cardCpu = Cpu(() => card = SocialCard.Draw(new CardText("Label", colour, title, caption, $"No. 1 of \u201c{title}\u201d"), sleeve!));
    var pngCpu = Cpu(() => card!.ToPng());
    var badgeCpu = Cpu(() => Badge.Draw(subject, dark: false).ToPng(scale: 2));
    Console.WriteLine($"{name,-46} {sleeveCpu,7:0.000} {cardCpu,7:0.000} {pngCpu,7:0.000} {badgeCpu,7:0.000}  total {sleeveCpu + cardCpu + pngCpu + badgeCpu:0.000}");
}
