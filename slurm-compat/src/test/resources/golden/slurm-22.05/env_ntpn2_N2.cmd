cat env.sh; sbatch --ntasks-per-node=2 -N 2 -o env_ntpn2_N2.env env.sh
