sinfo -O 'partition,STATECOMPACT'
