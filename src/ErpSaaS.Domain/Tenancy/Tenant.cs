using System.Text.RegularExpressions;
using ErpSaaS.Common;
using ErpSaaS.Errors;

namespace ErpSaaS.Tenancy;

/// <summary>A company using ErpSaaS: its own isolated data, reachable at {slug}.{domain}.</summary>
public sealed partial class Tenant : AggregateRoot, IHasCreationTime
{
    private Tenant() { }

    internal Tenant(string name, string slug, Guid planId, TenantStatus status, DateTimeOffset createdAt, DateTimeOffset? trialEndsAt)
    {
        Rename(name);
        Slug = slug;
        PlanId = planId;
        Status = status;
        CreatedAt = createdAt;
        TrialEndsAt = trialEndsAt;
    }

    public string Name { get; private set; } = null!;
    public string Slug { get; private set; } = null!;
    public TenantStatus Status { get; private set; }
    public Guid PlanId { get; private set; }
    public DateTimeOffset? TrialEndsAt { get; private set; }
    [Auditing.AuditMasked]
    public string? ConnectionString { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsWritable => Status is TenantStatus.Trialing or TenantStatus.Active or TenantStatus.PastDue;
    public bool CanSignIn => Status != TenantStatus.Suspended;

    public void Rename(string name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > TenantConsts.MaxNameLength)
        {
            throw BusinessException.ForField(nameof(Name), ErrorCodes.TenantNameRequired, TenantConsts.MaxNameLength);
        }
        Name = trimmed;
    }

    public void ChangePlan(Guid planId) => PlanId = planId;

    public void ChangeStatus(TenantStatus status)
    {
        if (Status == status) return;
        var from = Status;
        Status = status;
        AddDomainEvent(new TenantStatusChanged(Id, from, status));
    }

    public void ExtendTrial(DateTimeOffset until) => TrialEndsAt = until;

    /// <summary>Moves the tenant to its own database (scale-out); null moves it back to the shared one.</summary>
    public void UseOwnDatabase(string? connectionString) =>
        ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString.Trim();

    /// <summary>Checks the form of a slug; uniqueness is the <see cref="TenantManager"/>'s job.</summary>
    public static string NormalizeSlug(string? slug)
    {
        var normalized = (slug ?? string.Empty).Trim().ToLowerInvariant();
        if (normalized.Length < TenantConsts.MinSlugLength || normalized.Length > TenantConsts.MaxSlugLength
            || !SlugRegex().IsMatch(normalized))
        {
            throw BusinessException.ForField(nameof(Slug), ErrorCodes.TenantSlugInvalid, TenantConsts.MinSlugLength, TenantConsts.MaxSlugLength);
        }
        if (TenantConsts.ReservedSlugs.Contains(normalized))
        {
            throw BusinessException.ForField(nameof(Slug), ErrorCodes.TenantSlugReserved, normalized);
        }
        return normalized;
    }

    [GeneratedRegex(TenantConsts.SlugPattern)]
    private static partial Regex SlugRegex();
}

public sealed record TenantStatusChanged(Guid TenantId, TenantStatus From, TenantStatus To) : IDomainEvent;
