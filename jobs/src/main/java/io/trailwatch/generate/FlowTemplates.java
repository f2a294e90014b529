package io.trailwatch.generate;

import java.util.Random;

/** Ordinary VPC flow records: web traffic in, internal service calls, DNS; mostly accepted. */
final class FlowTemplates {
    private final Random random;

    FlowTemplates(Random random) {
        this.random = random;
    }

    /**
     * One record line in the custom version 5 format (with header) or the default version 2 format.
     */
    String line(String account, int accountIndex, long start, boolean customV5) {
        String eni = String.format("eni-0%016x", (long) accountIndex << 40 | random.nextInt(64));
        String local =
                "10." + accountIndex + "." + random.nextInt(8) + "." + (10 + random.nextInt(200));
        int kind = random.nextInt(10);
        String src;
        String dst;
        int srcPort;
        int dstPort;
        int protocol = 6;
        String direction;
        if (kind < 5) {
            src = "198.51.100." + random.nextInt(256);
            dst = local;
            srcPort = 1024 + random.nextInt(60000);
            dstPort = 443;
            direction = "ingress";
        } else if (kind < 9) {
            src = local;
            dst = "10." + accountIndex + "." + random.nextInt(8) + "." + (10 + random.nextInt(200));
            srcPort = 1024 + random.nextInt(60000);
            dstPort = random.nextBoolean() ? 5432 : 8080;
            direction = "egress";
        } else {
            src = local;
            dst = "10." + accountIndex + ".0.2";
            srcPort = 1024 + random.nextInt(60000);
            dstPort = 53;
            protocol = 17;
            direction = "egress";
        }
        long packets = 1 + random.nextInt(200);
        long bytes = packets * (60 + random.nextInt(1400));
        String action = random.nextInt(50) == 0 ? "REJECT" : "ACCEPT";
        long end = start + 60;
        StringBuilder sb = new StringBuilder(200);
        sb.append(customV5 ? 5 : 2)
                .append(' ')
                .append(account)
                .append(' ')
                .append(eni)
                .append(' ')
                .append(src)
                .append(' ')
                .append(dst)
                .append(' ')
                .append(srcPort)
                .append(' ')
                .append(dstPort)
                .append(' ')
                .append(protocol)
                .append(' ')
                .append(packets)
                .append(' ')
                .append(bytes)
                .append(' ')
                .append(start)
                .append(' ')
                .append(end)
                .append(' ')
                .append(action)
                .append(" OK");
        if (customV5) {
            sb.append(" vpc-0")
                    .append(String.format("%016x", (long) accountIndex))
                    .append(" subnet-0")
                    .append(String.format("%016x", (long) accountIndex << 8 | random.nextInt(8)))
                    .append(" i-0")
                    .append(String.format("%016x", (long) accountIndex << 20 | random.nextInt(64)))
                    .append(' ')
                    .append(protocol == 6 ? 19 : 0)
                    .append(" IPv4 ")
                    .append(src)
                    .append(' ')
                    .append(dst)
                    .append(" eu-west-1 euw1-az")
                    .append(1 + random.nextInt(3))
                    .append(" - - - - ")
                    .append(direction)
                    .append(' ')
                    .append(direction.equals("ingress") ? "-" : "1");
        }
        return sb.toString();
    }
}
