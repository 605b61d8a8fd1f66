using ErpSaaS.Common;
using ErpSaaS.Errors;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Identity;

/// <summary>Turns ASP.NET Core Identity's results into business errors on the field the user typed.</summary>
internal static class IdentityErrors
{
    public static void Check(IdentityResult result, string userNameField = "UserName", string emailField = "Email")
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) => BusinessException.ForField(userNameField, ErrorCodes.UserNameTaken, error.Description),
            nameof(IdentityErrorDescriber.InvalidUserName) => BusinessException.ForField(userNameField, ErrorCodes.SettingValueInvalid, userNameField, error.Description),
            nameof(IdentityErrorDescriber.DuplicateEmail) => BusinessException.ForField(emailField, ErrorCodes.UserEmailTaken, error.Description),
            nameof(IdentityErrorDescriber.InvalidEmail) => BusinessException.ForField(emailField, ErrorCodes.SettingValueInvalid, emailField, error.Description),
            nameof(IdentityErrorDescriber.DuplicateRoleName) => BusinessException.ForField("Name", ErrorCodes.RoleNameTaken, error.Description),
            nameof(IdentityErrorDescriber.InvalidRoleName) => BusinessException.ForField("Name", ErrorCodes.SettingValueInvalid, "Name", error.Description),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => new BusinessException(ErrorCodes.ConcurrencyConflict),
            _ => new InvalidOperationException("Identity refused the change: " + string.Join("; ", result.Errors.Select(e => e.Description))),
        };
    }
}
