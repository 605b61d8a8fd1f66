namespace ErpSaaS.Identity;

/// <summary>The signed-in user's own account as they see and edit it.</summary>
public sealed record ProfileDto(
    Guid Id, string UserName, string? Email, string DisplayName, string Language, string TimeZone,
    bool TwoFactorEnabled, DateTimeOffset? LastSignInAt);

public sealed class UpdateProfileInput
{
    public string DisplayName { get; set; } = string.Empty;
    public string Language { get; set; } = string.Empty;
    public string TimeZone { get; set; } = string.Empty;
}

/// <summary>The current user's profile: name, language and time zone (password and two-factor live with Identity).</summary>
public interface IProfileAppService
{
    Task<ProfileDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Validates and saves; a bad value throws a BusinessException naming its field.</summary>
    Task<ProfileDto> UpdateAsync(UpdateProfileInput input, CancellationToken cancellationToken = default);
}
