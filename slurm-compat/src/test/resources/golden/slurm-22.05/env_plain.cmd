cat env.sh; sbatch  -o env_plain.env env.sh
