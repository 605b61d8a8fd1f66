using ErpSaaS.Common;
using ErpSaaS.Errors;
using ErpSaaS.Localization;
using ErpSaaS.Settings;
using Microsoft.AspNetCore.Identity;

namespace ErpSaaS.Identity;

public sealed class ProfileAppService(UserManager<AppUser> users, ICurrentUser currentUser) : IProfileAppService
{
    public async Task<ProfileDto> GetAsync(CancellationToken cancellationToken = default) => ToDto(await CurrentUserAsync());

    public async Task<ProfileDto> UpdateAsync(UpdateProfileInput input, CancellationToken cancellationToken = default)
    {
        var displayName = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName))
        {
            throw BusinessException.ForField(nameof(input.DisplayName), ErrorCodes.ValueRequired);
        }
        if (displayName.Length > AppUser.MaxNameLength)
        {
            throw BusinessException.ForField(nameof(input.DisplayName), ErrorCodes.ValueTooLong, AppUser.MaxNameLength);
        }
        if (!ErpLocalizationResources.SupportedCultures.Contains(input.Language, StringComparer.Ordinal))
        {
            throw BusinessException.ForField(nameof(input.Language), ErrorCodes.ValueNotAllowed, input.Language ?? string.Empty);
        }
        if (!SettingDefinitions.TimeZones.Contains(input.TimeZone, StringComparer.Ordinal))
        {
            throw BusinessException.ForField(nameof(input.TimeZone), ErrorCodes.ValueNotAllowed, input.TimeZone ?? string.Empty);
        }
        var user = await CurrentUserAsync();
        user.UpdateProfile(displayName, input.Language, input.TimeZone);
        var result = await users.UpdateAsync(user);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new BusinessException(ErrorCodes.ConcurrencyConflict);
        }
        if (!result.Succeeded)
        {
            // The user's name and e-mail are not touched here, so Identity's validators have nothing to refuse.
            throw new InvalidOperationException("Saving the profile failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return ToDto(user);
    }

    private async Task<AppUser> CurrentUserAsync()
    {
        if (currentUser.Id is not { } id) throw new AuthorizationException();
        return await users.FindByIdAsync(id.ToString()) ?? throw new EntityNotFoundException(nameof(AppUser), id);
    }

    private static ProfileDto ToDto(AppUser user) => new(user.Id, user.UserName!, user.Email, user.DisplayName, user.Language, user.TimeZone,
        user.TwoFactorEnabled, user.LastSignInAt);
}
