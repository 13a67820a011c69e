namespace Impala.Discovery.Web.Features.Shared;

/// <summary>Every page's model carries its <see cref="PageMeta"/>, which the layout reads for the head.</summary>
public interface IPageViewModel
{
    PageMeta Meta { get; }
}
