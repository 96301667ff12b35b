import { describe, expect, it } from "vitest";
import { canonicalAddress, classifyAddress } from "../../../src/adapters/http/address.js";
import { refusal } from "../../../src/adapters/http/guard.js";

describe("classifyAddress", () => {
  it.each([
    // IPv4
    ["0.0.0.0", "unspecified"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "documentation"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "reserved"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    // IPv6
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["2001:0:4136:e378::1", "reserved"],
    // IPv6 forms that embed a private IPv4
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["0:0:0:0:0:ffff:192.168.0.1", "private"],
    ["::10.0.0.1", "private"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:0a00:0001::1", "private"],
    ["2002:7f00:1::", "loopback"],
    // Not an address at all
    ["example.com", "invalid"],
    ["999.1.1.1", "invalid"],
  ])("refuses %s as %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "169.253.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
    "2002:0808:0808::1",
  ])("lets public %s through", (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

describe("canonicalAddress", () => {
  it("spells equal IPv6 addresses the same way", () => {
    expect(canonicalAddress("[::1]")).toBe(canonicalAddress("0:0:0:0:0:0:0:1"));
    expect(canonicalAddress("::ffff:127.0.0.1")).toBe(canonicalAddress("::ffff:7f00:1"));
    expect(canonicalAddress("127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalAddress("localhost")).toBeNull();
  });
});

describe("refusal", () => {
  const guarded = { allowPrivateNetwork: false, allowedAddresses: ["127.0.0.1", "::1"] };

  it("allows only the listed addresses and keeps guarding the rest", () => {
    expect(refusal("127.0.0.1", guarded)).toBeNull();
    expect(refusal("0:0::1", guarded)).toBeNull();
    expect(refusal("127.0.0.2", guarded)).toBe("loopback");
    expect(refusal("10.0.0.1", guarded)).toBe("private");
  });

  it("allows everything when the private network is allowed", () => {
    expect(refusal("10.0.0.1", { allowPrivateNetwork: true, allowedAddresses: [] })).toBeNull();
  });
});
