#!/usr/bin/env bash
# Installs what checkup needs on Debian/Ubuntu when it is missing: the C libraries it links
# (libmodbus, net-snmp, SQLite for the record store, libpq for the office's PostgreSQL store), the
# PostgreSQL server the store tests start (postgresql), the SNMP agent the tests and the demo run (snmpd),
# weasyprint and a CJK font for the PDF record (poppler-utils: the PDF tests read it back), the Python
# Modbus server the tests use as an independent peer (pymodbus), and snmpsim, which serves recordings of
# real units with every SNMP type (pysmi too: snmpsim 1.2 imports it without declaring it). Run as root to install;
# otherwise it prints the exact commands and fails.
set -euo pipefail

apt_missing=()
pkg-config --exists libmodbus 2>/dev/null || apt_missing+=(libmodbus-dev)
pkg-config --exists netsnmp 2>/dev/null || apt_missing+=(libsnmp-dev)
pkg-config --exists sqlite3 2>/dev/null || apt_missing+=(libsqlite3-dev)
pkg-config --exists libcrypto 2>/dev/null || apt_missing+=(libssl-dev)
pkg-config --exists libpq 2>/dev/null || apt_missing+=(libpq-dev)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_missing+=(postgresql)
{ command -v snmpd >/dev/null || [ -x /usr/sbin/snmpd ]; } || apt_missing+=(snmpd)
command -v snmpget >/dev/null || apt_missing+=(snmp)
[ -x /usr/bin/time ] || apt_missing+=(time)  # bench-scale: peak RSS of one run
command -v pkg-config >/dev/null || apt_missing+=(pkg-config)
command -v weasyprint >/dev/null || apt_missing+=(weasyprint)
fc-list 2>/dev/null | grep -q "WenQuanYi Micro Hei" || apt_missing+=(fonts-wqy-microhei)
{ command -v pdftotext >/dev/null && command -v pdffonts >/dev/null; } || apt_missing+=(poppler-utils)

pip_missing=()
python3 -c 'import pymodbus' 2>/dev/null || pip_missing+=(pymodbus)
python3 -c 'import jsonschema' 2>/dev/null || pip_missing+=(jsonschema)
python3 -c 'import yaml' 2>/dev/null || pip_missing+=(pyyaml)
{ command -v snmpsim-command-responder >/dev/null && python3 -c 'import snmpsim, pysmi' 2>/dev/null; } || pip_missing+=(snmpsim pysmi)

if [ ${#apt_missing[@]} -eq 0 ] && [ ${#pip_missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "checkup needs: ${apt_missing[*]} ${pip_missing[*]}" >&2
  [ ${#apt_missing[@]} -gt 0 ] && echo "  sudo apt-get update && sudo apt-get install -y ${apt_missing[*]}" >&2
  [ ${#pip_missing[@]} -gt 0 ] && echo "  python3 -m pip install ${pip_missing[*]}" >&2
  exit 1
fi

if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "installing ${apt_missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  # Debian starts the system snmpd on install; checkup runs its own agents on free ports.
  if command -v systemctl >/dev/null && systemctl is-active --quiet snmpd 2>/dev/null; then
    systemctl stop snmpd || true
  fi
  # Likewise the system PostgreSQL cluster: the tests start their own.
  if command -v systemctl >/dev/null && systemctl is-active --quiet postgresql 2>/dev/null; then
    systemctl stop postgresql || true
  fi
fi
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "installing ${pip_missing[*]} (pip)"
  python3 -m pip install --quiet "${pip_missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${pip_missing[@]}"
fi
