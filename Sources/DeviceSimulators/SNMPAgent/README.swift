// SNMP agent fixture: see SNMPAgentFixture.swift
