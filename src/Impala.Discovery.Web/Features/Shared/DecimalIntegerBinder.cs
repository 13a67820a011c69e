using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Whole numbers in addresses (?page=, ?pageSize=, route values) are read as people write them: decimal digits only.
/// MVC's default reads them with a TypeConverter that also takes "0x10" as 16, so one page had many addresses (and
/// many cache entries); a sign is refused too ("+2"), as a kind's page refuses it (KindIndexSelection), so that the
/// page and its API answer one spelling alike. Anything else is a model error, which pages and the API answer with 400.
/// </summary>
public sealed class DecimalIntegerBinder : IModelBinder, IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(int) ? this : null;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrEmpty(text) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            // ?page= with nothing after it: no number, as the default binder reads it.
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (DecimalDigits.TryParse(text, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"The value '{text}' is not a whole number in decimal digits.");
        }

        return Task.CompletedTask;
    }
}
