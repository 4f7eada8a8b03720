// InspectionRecords — placeholder until its issue lands.
