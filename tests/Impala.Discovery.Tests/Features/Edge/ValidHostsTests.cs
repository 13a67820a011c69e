using Impala.Discovery.Web.Features.Edge;

namespace Impala.Discovery.Tests.Features.Edge;

public sealed class ValidHostsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]")]
    [InlineData("[::1]:8080")]
    [InlineData("discovery.example.org")]
    [InlineData("xn--bcher-kva.example")]
    public void IsReadable_HostAClientMaySend_IsTrue(string host) => Assert.True(ValidHosts.IsReadable(host));

    [Theory]
    [InlineData("xn--evil-.example")]
    [InlineData("xn--.example")]
    [InlineData("a.xn--zz-.example:80")]
    [InlineData("bad host.example")]
    [InlineData("bad_host!.example")]
    [InlineData("[::1")]
    public void IsReadable_HostThatCannotBeRead_IsFalse(string host) => Assert.False(ValidHosts.IsReadable(host));
}
