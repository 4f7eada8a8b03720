import Foundation

/// What `checkup profile new --protocol snmp` starts from: one point and one check, valid as written.
enum SNMPProfileSkeleton {
    static func yaml(vendor: String) -> String {
        let name = NSRegularExpression.escapedPattern(for: vendor).replacingOccurrences(of: "'", with: "''")
        return """
        identify:                          # `checkup probe URL` without --profile picks the profile that matches
          sys-descr: '(?i)\(name)'          # fill in: a regex on sysDescr (snmpget -On -v2c -c public HOST 1.3.6.1.2.1.1.1.0)
          # sys-object-id: [1.3.6.1.4.1.N]   # better still: the family's sysObjectID prefix (… 1.3.6.1.2.1.1.2.0)

        points:
          uptime:                      # sysUpTime, TimeTicks (1/100 s) → seconds
            oid: 1.3.6.1.2.1.1.3.0
            scale: 0.01
            unit: s

        checks:
          - id: uptime
            title: {zh: 运行时间, en: Uptime}
            point: uptime
            range: "86400:"            # warn when restarted in the last 24 h
            severity: warn
        """
    }
}
