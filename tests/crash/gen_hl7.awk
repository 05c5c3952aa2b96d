# gen.awk -v k=K -v n=N: N ADT^A03 discharges, control ids CK-I, visits VK-I
BEGIN {
    for (i = 1; i <= n; i++) {
        printf "MSH|^~\\&|EPIC|STMARY|CAREDESK|CLINIC|202611181200||ADT^A03^ADT_A03|C%d-%d|P|2.5.1\r", k, i
        printf "EVN|A03|202611181200\r"
        printf "PID|1||IMP%d^^^STMARY^MR||Crash%d^Pat||19500101|F|||||555-0100\r", i, i
        s = "PV1|1|I|5N^^^STMARY|E"
        for (f = 5; f <= 45; f++) {
            v = ""
            if (f == 19) v = sprintf("V%d-%d", k, i)
            if (f == 36) v = "01"
            if (f == 44) v = "20261115080000"
            if (f == 45) v = "20261118110000"
            s = s "|" v
        }
        printf "%s\r", s
    }
}
