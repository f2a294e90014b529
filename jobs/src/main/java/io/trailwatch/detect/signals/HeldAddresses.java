package io.trailwatch.detect.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.model.CloudTrailEvent;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public addresses a CloudTrail event shows the organization being given: an Elastic IP
 * allocated ({@code AllocateAddress}: {@code publicIp} in the response) or associated by address
 * ({@code AssociateAddress}: {@code publicIp} in the request), a NAT gateway's address ({@code
 * CreateNatGateway}), an instance's public address where the launch response already holds one
 * ({@code RunInstances}: {@code ipAddress}, or {@code publicIp} of an interface's association).
 *
 * <p>What CloudTrail does not show is not learnt: an association by allocation id alone names no
 * address, and an address EC2 assigns to an instance after launch appears in no management event.
 * Flow logs cannot teach it either: they record an interface's private address, and {@code
 * pkt-srcaddr}/{@code pkt-dstaddr} show the addresses behind NAT gateways and pods, never the
 * public address the internet gateway translates to.
 */
final class HeldAddresses {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String EC2 = "ec2.amazonaws.com";
    private static final Set<String> EVENTS =
            Set.of("AllocateAddress", "AssociateAddress", "CreateNatGateway", "RunInstances");

    private HeldAddresses() {}

    /** Whether the event can teach an address: one of those calls, and it succeeded. */
    static boolean teaches(CloudTrailEvent e) {
        return e.errorCode == null && EC2.equals(e.eventSource) && EVENTS.contains(e.eventName);
    }

    /** The public addresses the event names, sorted, each once. */
    static Set<String> of(CloudTrailEvent e) {
        Set<String> out = new TreeSet<>();
        boolean launch = "RunInstances".equals(e.eventName);
        collect(e.requestParameters, launch, out);
        collect(e.responseElements, launch, out);
        return out;
    }

    private static void collect(String json, boolean launch, Set<String> out) {
        if (json == null || !(json.contains("publicIp") || launch && json.contains("ipAddress"))) {
            return;
        }
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = p.currentName();
                boolean address = name.equals("publicIp") || launch && name.equals("ipAddress");
                if (p.nextToken() == JsonToken.VALUE_STRING && address) {
                    String value = p.getText();
                    if (AddressScope.untrusted().isPublic(value)) {
                        out.add(value);
                    }
                }
            }
        } catch (IOException e) {
            // the decoder kept these documents as JSON; a damaged one teaches what came before
        }
    }
}
