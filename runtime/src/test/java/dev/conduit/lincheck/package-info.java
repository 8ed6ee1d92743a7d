/**
 * Model checking of Conduit's channels and select with Lincheck: a nondeterministic model of two
 * channels ({@code ChannelModel}), a verifier that searches for a linearization against it, a
 * generator of scenarios that cannot block forever, and one test class per channel capacity. The
 * reasoning and the commands are in {@code ChannelLincheckTestBase}.
 */
package dev.conduit.lincheck;
