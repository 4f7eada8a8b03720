// ModbusProbe — placeholder until its issue lands.
