using Proposals.Worker.Hosting;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>Auth settings are checked at start; each problem names its setting.</summary>
public sealed class AuthOptionsFacts
{
    private static readonly string Hash = PasswordHashing.Hash("zonghe-Pass-2026");

    private static AuthOptions With(string name, string hash, string role) =>
        new() { Users = [new ConfiguredUser { Name = name, PasswordHash = hash, Role = role }] };

    [Fact]
    public void Validate_FindsNothing_ForAGoodUser() => Assert.Empty(With("zonghe", Hash, "coordinator").Validate());

    [Fact]
    public void Validate_AcceptsTheRoleInAnyCase() => Assert.Empty(With("zonghe", Hash, "Viewer").Validate());

    [Fact]
    public void Validate_RefusesAPlainPassword_WithoutRepeatingIt()
    {
        var problem = Assert.Single(With("zonghe", "zonghe-Pass-2026", "coordinator").Validate());

        Assert.Contains("Auth:Users:0:PasswordHash is not a password hash", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("zonghe-Pass-2026", problem);
    }

    [Theory]
    [InlineData("admin", "Auth:Users:0:Role 'admin' is unknown (expected coordinator or viewer)")]
    [InlineData("", "Auth:Users:0:Role '' is unknown (expected coordinator or viewer)")]
    public void Validate_RefusesAnUnknownRole(string role, string expected) =>
        Assert.Contains(expected, Assert.Single(With("zonghe", Hash, role).Validate()), StringComparison.Ordinal);

    [Fact]
    public void Validate_RefusesAnEmptyName() =>
        Assert.Contains("Auth:Users:0:Name is empty", Assert.Single(With(" ", Hash, "viewer").Validate()), StringComparison.Ordinal);

    [Fact]
    public void Validate_RefusesANameGivenTwice()
    {
        var options = With("zonghe", Hash, "viewer");
        options.Users.Add(new ConfiguredUser { Name = "ZongHe", PasswordHash = Hash, Role = "coordinator" });

        Assert.Contains("Auth:Users:1:Name 'ZongHe' is given twice", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesLimitsOutOfRange()
    {
        var options = new AuthOptions { FailuresPerUser = 0, FailureWindowMinutes = 0 };

        Assert.Equal(2, options.Validate().Count());
    }

    [Fact]
    public void TheWorker_RefusesToStart_WithAPlainPassword()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Users:0:Name"] = "zonghe",
            ["Auth:Users:0:PasswordHash"] = "zonghe-Pass-2026",
            ["Auth:Users:0:Role"] = "coordinator",
        };

        var error = Assert.Throws<SettingsException>(() => WorkerHost.Build(settings));

        Assert.Contains("Auth:Users:0:PasswordHash", error.Message);
    }

    [Fact]
    public void PasswordHashing_SaltsEachHash_AndVerifiesIt()
    {
        var again = PasswordHashing.Hash("zonghe-Pass-2026");

        Assert.NotEqual(Hash, again);
        Assert.True(PasswordHashing.Verify(again, "zonghe-Pass-2026"));
        Assert.False(PasswordHashing.Verify(again, "zonghe-pass-2026"));
        Assert.True(PasswordHashing.IsHash(again));
    }

    [Fact]
    public void PasswordHashing_IsPbkdf2Sha512_At210000Iterations_AndAHashOfFewerStillVerifies()
    {
        var hash = Convert.FromBase64String(PasswordHashing.Hash("zonghe-Pass-2026"));
        var older = PasswordHashing.Hash("zonghe-Pass-2026", 100_000);

        // Format v3: marker 0x01, then the PRF (2 = HMAC-SHA512) and the iteration count, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal(210_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.True(PasswordHashing.Verify(older, "zonghe-Pass-2026"));
        Assert.False(PasswordHashing.Verify(older, "zonghe-Pass-2025"));
        // An unknown name is checked against a decoy of the configured hashes' own count.
        Assert.Equal(210_000, PasswordHashing.IterationsOf(Convert.ToBase64String(hash)));
        Assert.Equal(100_000, PasswordHashing.IterationsOf(older));
        Assert.Null(PasswordHashing.IterationsOf("zonghe-Pass-2026"));
    }
}
