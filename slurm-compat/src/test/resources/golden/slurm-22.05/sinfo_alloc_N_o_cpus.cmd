sinfo -N -o '%N %c %m %C %O %e %T'
