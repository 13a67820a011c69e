using System.Text.Json;
using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Impala.Discovery.Web.Data;

/// <summary>The read model of the site, derived from the content files and rebuilt from them at will.</summary>
public sealed class DiscoveryDbContext(DbContextOptions<DiscoveryDbContext> options) : DbContext(options)
{
    public DbSet<Kind> Kinds => Set<Kind>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<EntryFact> EntryFacts => Set<EntryFact>();

    public DbSet<EntryCountry> EntryCountries => Set<EntryCountry>();
    public DbSet<EntryFactValue> EntryFactValues => Set<EntryFactValue>();

    public DbSet<EntryArtist> EntryArtists => Set<EntryArtist>();

    public DbSet<EntryAlias> EntryAliases => Set<EntryAlias>();

    public DbSet<EntryLink> EntryLinks => Set<EntryLink>();

    public DbSet<StoreInfo> StoreInfo => Set<StoreInfo>();

    public DbSet<FormerAddress> FormerAddresses => Set<FormerAddress>();

    public DbSet<Picture> Pictures => Set<Picture>();

    public DbSet<PictureSource> PictureSources => Set<PictureSource>();

    public DbSet<KeptParse> KeptParses => Set<KeptParse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Kind>(kind =>
        {
            kind.HasKey(k => k.Key);
            // A kind leaves the store only once nothing uses it (see ContentStore), never by cascade.
            kind.HasMany(k => k.Entries).WithOne(entry => entry.Kind).HasForeignKey(entry => entry.KindKey).OnDelete(DeleteBehavior.Restrict);
            kind.HasOne(k => k.Picture).WithOne().HasForeignKey<Picture>(picture => picture.KindKey).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.SourceFile).IsUnique();
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasOne(a => a.Kind).WithMany().HasForeignKey(a => a.KindKey).OnDelete(DeleteBehavior.Restrict);
            article.HasMany(a => a.Entries).WithOne(entry => entry.Article).OnDelete(DeleteBehavior.Cascade);
            article.HasOne(a => a.Picture).WithOne().HasForeignKey<Picture>(picture => picture.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<KeptParse>(kept =>
        {
            kept.HasKey(k => k.ArticleId);
            kept.HasOne(k => k.Article).WithOne().HasForeignKey<KeptParse>(k => k.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Kind>(kind => kind.Property(k => k.Facts).HasConversion(
            facts => JsonSerializer.Serialize(facts, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<FactDefinition>>(json, JsonSerializerOptions.Default) ?? new List<FactDefinition>(),
            new ValueComparer<List<FactDefinition>>((a, b) => a!.SequenceEqual(b!), facts => facts.Aggregate(0, (hash, fact) => HashCode.Combine(hash, fact)), facts => facts.ToList())));

        modelBuilder.Entity<Entry>(entry =>
        {
            entry.HasIndex(e => new { e.KindKey, e.Slug }).IsUnique();
            entry.HasIndex(e => new { e.ArticleId, e.Rank });
            entry.HasIndex(e => new { e.KindKey, e.SortKey });
            entry.Ignore(e => e.Path);
            // Read whole with the entry, never queried into: one JSON text.
            entry.Property(e => e.CaptionParts).HasConversion(
                parts => JsonSerializer.Serialize(parts, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<CaptionPart>>(json, JsonSerializerOptions.Default) ?? new List<CaptionPart>(),
                new ValueComparer<List<CaptionPart>>((a, b) => a!.SequenceEqual(b!), parts => parts.Aggregate(0, (hash, part) => HashCode.Combine(hash, part)), parts => parts.ToList()));
            entry.HasMany(e => e.Facts).WithOne().HasForeignKey(fact => fact.EntryId).OnDelete(DeleteBehavior.Cascade);
            entry.HasMany(e => e.Countries).WithOne(country => country.Entry).OnDelete(DeleteBehavior.Cascade);
            entry.HasMany(e => e.FactValues).WithOne(value => value.Entry).OnDelete(DeleteBehavior.Cascade);
            entry.HasMany(e => e.Artists).WithOne(artist => artist.Entry).OnDelete(DeleteBehavior.Cascade);
            entry.HasMany(e => e.Aliases).WithOne(alias => alias.Entry).OnDelete(DeleteBehavior.Cascade);
            entry.HasMany(e => e.Links).WithOne(link => link.Entry).OnDelete(DeleteBehavior.Cascade);
            entry.HasOne(e => e.Picture).WithOne().HasForeignKey<Picture>(picture => picture.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EntryFactValue>(value =>
        {
            value.HasKey(v => new { v.EntryId, v.Key, v.Value });
            // EntryId last: a filter asks "has this entry this genre?" for each entry, and without it SQLite read every
            // entry of the genre for each (a genre's page took 2 s at 10,000 entries).
            value.HasIndex(v => new { v.Key, v.Slug, v.EntryId });
        });

        modelBuilder.Entity<EntryCountry>(country =>
        {
            country.HasKey(c => new { c.EntryId, c.CountrySlug });
            country.HasIndex(c => c.CountrySlug);
        });

        modelBuilder.Entity<EntryArtist>(artist =>
        {
            artist.HasKey(a => new { a.EntryId, a.ArtistSlug });
            artist.HasIndex(a => a.ArtistSlug);
        });

        modelBuilder.Entity<EntryAlias>().HasIndex(alias => new { alias.KindKey, alias.Slug }).IsUnique();
        modelBuilder.Entity<EntryLink>().HasIndex(link => link.TargetPath);
        modelBuilder.Entity<Picture>().HasIndex(picture => picture.Hash);
        modelBuilder.Entity<PictureSource>().HasKey(source => source.Hash);
        modelBuilder.Entity<FormerAddress>(former =>
        {
            former.HasKey(f => f.Path);
            former.HasIndex(f => f.MovedTo);
        });
    }
}
