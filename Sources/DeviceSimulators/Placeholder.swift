// DeviceSimulators — placeholder until its issue lands.
