namespace Impala.Discovery.Web.Content;

/// <summary>
/// What a parser returns: a value when the text is good, otherwise every error found in it, sometimes with the part of
/// the value that could be read (never to be used as if it were good: check <see cref="Succeeded"/>).
/// </summary>
public sealed record ParseResult<T>(T? Value, IReadOnlyList<ContentError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;

    public static ParseResult<T> Success(T value) => new(value, []);

    public static ParseResult<T> Failure(IReadOnlyList<ContentError> errors) => new(null, errors);
}
