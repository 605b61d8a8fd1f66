using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ErpSaaS.Web.Localization;

/// <summary>
/// Gives every validation attribute that has no message of its own the key of a localized one
/// ("Validation:Required" ...), so data-annotation messages come out in the user's language without each
/// input model naming them. The data-annotations localizer then formats the text with the localized display name.
/// </summary>
public sealed class LocalizedValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null || attribute.ErrorMessageResourceType is not null)
            {
                continue;
            }
            if (KeyFor(attribute) is { } key) attribute.ErrorMessage = key;
        }
    }

    public static string? KeyFor(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Validation:Required",
        StringLengthAttribute { MinimumLength: > 0 } => "Validation:StringLengthRange",
        StringLengthAttribute => "Validation:StringLength",
        MaxLengthAttribute => "Validation:MaxLength",
        MinLengthAttribute => "Validation:MinLength",
        RangeAttribute => "Validation:Range",
        EmailAddressAttribute => "Validation:EmailAddress",
        CompareAttribute => "Validation:Compare",
        RegularExpressionAttribute => "Validation:RegularExpression",
        PhoneAttribute => "Validation:Phone",
        UrlAttribute => "Validation:Url",
        _ => null,
    };
}
