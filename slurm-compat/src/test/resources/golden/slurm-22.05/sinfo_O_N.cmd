sinfo -N -O 'NodeList,StateCompact'
