using ErpSaaS.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSaaS.EntityFrameworkCore.Approvals;

internal sealed class ApprovalFlowConfiguration : IEntityTypeConfiguration<ApprovalFlow>, IEntityTypeConfiguration<ApprovalFlowStep>
{
    public void Configure(EntityTypeBuilder<ApprovalFlow> builder)
    {
        builder.ToTable("approval_flows");
        builder.Property(f => f.TenantId).IsRequired();
        builder.Property(f => f.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(f => new { f.TenantId, f.DocumentType }).IsUnique();
        builder.HasMany(f => f.Steps).WithOne().HasForeignKey(s => s.FlowId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Steps).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(f => f.DomainEvents);
    }

    public void Configure(EntityTypeBuilder<ApprovalFlowStep> builder)
    {
        builder.ToTable("approval_flow_steps");
        // Ids are made in code (UUID v7): a step added to a loaded flow is new, not an existing row to update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TenantId).IsRequired();
        builder.Property(s => s.Order).HasColumnName("step_order");
        builder.Property(s => s.Name).HasMaxLength(ApprovalConsts.MaxStepNameLength).IsRequired();
        builder.Property(s => s.ConditionText).HasMaxLength(ApprovalConsts.MaxConditionTextLength);
        builder.Ignore(s => s.Definition);
    }
}

internal sealed class ApprovalRequestConfiguration :
    IEntityTypeConfiguration<ApprovalRequest>, IEntityTypeConfiguration<ApprovalRequestStep>, IEntityTypeConfiguration<ApprovalStepApprover>,
    IEntityTypeConfiguration<ApprovalRequestEvent>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("approval_requests");
        builder.Property(r => r.TenantId).IsRequired();
        builder.Property(r => r.DocumentNumber).HasMaxLength(ApprovalConsts.MaxDocumentNumberLength).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(ApprovalConsts.MaxSummaryLength).IsRequired();
        builder.Property(r => r.Url).HasMaxLength(ApprovalConsts.MaxUrlLength).IsRequired();
        builder.Property(r => r.SubmitterName).HasMaxLength(ApprovalConsts.MaxUserNameLength);
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => new { r.TenantId, r.DocumentType, r.DocumentId });
        builder.HasIndex(r => new { r.TenantId, r.Status, r.EndedAt });
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.ActiveStep);
    }

    public void Configure(EntityTypeBuilder<ApprovalRequestStep> builder)
    {
        builder.ToTable("approval_request_steps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TenantId).IsRequired();
        builder.Property(s => s.Order).HasColumnName("step_order");
        builder.Property(s => s.Name).HasMaxLength(ApprovalConsts.MaxStepNameLength).IsRequired();
        // The SLA scan: active steps past their due time.
        builder.HasIndex(s => new { s.TenantId, s.Status, s.DueAt });
        builder.HasMany(s => s.Approvers).WithOne().HasForeignKey(a => a.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Approvers).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }

    public void Configure(EntityTypeBuilder<ApprovalStepApprover> builder)
    {
        builder.ToTable("approval_step_approvers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TenantId).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(ApprovalConsts.MaxUserNameLength).IsRequired();
        builder.Property(a => a.DecidedByName).HasMaxLength(ApprovalConsts.MaxUserNameLength);
        builder.Property(a => a.Comment).HasMaxLength(ApprovalConsts.MaxCommentLength);
        // The inbox (what waits for me) and the history (what I decided).
        builder.HasIndex(a => new { a.TenantId, a.UserId });
        builder.HasIndex(a => new { a.TenantId, a.DecidedById });
        builder.Ignore(a => a.DecidedByDelegate);
    }

    public void Configure(EntityTypeBuilder<ApprovalRequestEvent> builder)
    {
        builder.ToTable("approval_request_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantId).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(ApprovalConsts.MaxUserNameLength);
        builder.Property(e => e.OnBehalfOf).HasMaxLength(ApprovalConsts.MaxUserNameLength);
        builder.Property(e => e.Comment).HasMaxLength(ApprovalConsts.MaxCommentLength);
    }
}

internal sealed class ApprovalDelegationConfiguration : IEntityTypeConfiguration<ApprovalDelegation>
{
    public void Configure(EntityTypeBuilder<ApprovalDelegation> builder)
    {
        builder.ToTable("approval_delegations");
        builder.Property(d => d.TenantId).IsRequired();
        builder.HasIndex(d => new { d.TenantId, d.UserId }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.DelegateId });
    }
}
