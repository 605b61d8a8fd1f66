using ErpSaaS.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxNameLength).IsRequired();
        builder.Property(u => u.Language).HasMaxLength(16).IsRequired();
        builder.Property(u => u.TimeZone).HasMaxLength(AppUser.MaxTimeZoneLength).IsRequired();
        // Identity's own unique index is global; a user name is unique only inside its tenant.
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique(false);
        builder.Metadata.RemoveIndex(builder.Metadata.FindIndex(builder.Metadata.FindProperty(nameof(AppUser.NormalizedUserName))!)!);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail });
        builder.Metadata.RemoveIndex(builder.Metadata.FindIndex(builder.Metadata.FindProperty(nameof(AppUser.NormalizedEmail))!)!);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> builder)
    {
        builder.ToTable("roles");
        builder.Property(r => r.Description).HasMaxLength(AppRole.MaxDescriptionLength);
        builder.Metadata.RemoveIndex(builder.Metadata.FindIndex(builder.Metadata.FindProperty(nameof(AppRole.NormalizedName))!)!);
        builder.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class IdentityLinkConfigurations :
    IEntityTypeConfiguration<AppUserRole>, IEntityTypeConfiguration<AppUserClaim>, IEntityTypeConfiguration<AppUserLogin>,
    IEntityTypeConfiguration<AppUserToken>, IEntityTypeConfiguration<AppRoleClaim>
{
    public void Configure(EntityTypeBuilder<AppUserRole> builder)
    {
        builder.ToTable("user_roles");
        builder.HasIndex(x => new { x.TenantId, x.RoleId });
    }

    public void Configure(EntityTypeBuilder<AppUserClaim> builder)
    {
        builder.ToTable("user_claims");
        builder.HasIndex(x => new { x.TenantId, x.UserId });
    }

    public void Configure(EntityTypeBuilder<AppUserLogin> builder)
    {
        builder.ToTable("user_logins");
        builder.HasIndex(x => new { x.TenantId, x.UserId });
    }

    public void Configure(EntityTypeBuilder<AppUserToken> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<AppRoleClaim> builder)
    {
        builder.ToTable("role_claims");
        builder.HasIndex(x => new { x.TenantId, x.RoleId });
    }
}

internal sealed class PermissionGrantConfiguration : IEntityTypeConfiguration<PermissionGrant>
{
    public void Configure(EntityTypeBuilder<PermissionGrant> builder)
    {
        builder.ToTable("permission_grants");
        builder.Property(g => g.Name).HasMaxLength(PermissionGrant.MaxNameLength).IsRequired();
        builder.HasIndex(g => new { g.TenantId, g.Grantee, g.GranteeId, g.Name }).IsUnique().AreNullsDistinct(false);
    }
}
