cat env.sh; sbatch -N 2 -n 4 -o env_N2_n4.env env.sh
