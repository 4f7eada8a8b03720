// SNMPProbe — placeholder until its issue lands.
